import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { PartnerLog } from '../../../src/log/partnerLog';

describe('PartnerLog scrubbing', () => {
  // clean() is what every channel write goes through; the channel is not used here.
  const log = new PartnerLog(undefined as unknown as vscode.LogOutputChannel, () => ['main-key-ABCDEF123']);

  it('masks the main key anywhere and apiKey parameters', () => {
    assert.equal(
      log.clean('GET /v1/me?_format=json&apiKey=main-key-ABCDEF123 → 200'),
      'GET /v1/me?_format=json&apiKey=*** → 200',
    );
    assert.equal(log.clean('echo: xxmain-key-ABCDEF123yy'), 'echo: xx***yy');
  });

  it('masks sub-account keys wherever they stand as a token, among 10,000 known', () => {
    for (let i = 0; i < 10_000; i++) {
      log.rememberSecret(`sms-subkey-${String(i).padStart(5, '0')}-9c4e`);
    }
    assert.equal(
      log.clean('page echo "sms-subkey-04242-9c4e", (sms-subkey-00001-9c4e) ok'),
      'page echo "***", (***) ok',
    );
    assert.equal(
      log.clean('GET /v1/subaccount/list?page=7&apiKey=sms-subkey-00007-9c4e'),
      'GET /v1/subaccount/list?page=7&apiKey=***',
    );
    assert.equal(
      log.clean('nothing secret: sms-subkey-99999-9c4e is not a known key'),
      'nothing secret: sms-subkey-99999-9c4e is not a known key',
    );
  });
});
