import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContextValue } from '../../../src/providers/tree/contextValues';

const ROOT = join(__dirname, '../../../..');

interface MenuItem {
  readonly command: string;
  readonly when?: string;
}

/** The regular expression of a `viewItem =~ /…/` clause. */
function viewItemPattern(when: string | undefined): RegExp {
  const m = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(when ?? '');
  assert.ok(m, `no viewItem pattern in ${when}`);
  return new RegExp(m[1]);
}

describe('Send Test menus', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, MenuItem[]> };
  };
  const menus = manifest.contributes.menus;
  const accountValues = (service: string) =>
    [ContextValue.serviceReady, ContextValue.serviceLoading, ContextValue.serviceError].map((v) => `${v}.${service}`);

  it("each send command is on its own service's accounts only, never on a sub-account or a key-less account", () => {
    for (const [command, own, other] of [
      ['partnerExplorer.sendTestSms', 'sms', 'mail'],
      ['partnerExplorer.sendTestMail', 'mail', 'sms'],
    ] as const) {
      const item = menus['view/item/context'].find((m) => m.command === command);
      const pattern = viewItemPattern(item?.when);
      assert.ok(
        accountValues(own).every((v) => pattern.test(v)),
        `${command} on ${own} accounts`,
      );
      assert.ok(!accountValues(other).some((v) => pattern.test(v)), `${command} not on ${other} accounts`);
      assert.ok(!pattern.test(ContextValue.subaccount) && !pattern.test(`${ContextValue.serviceNoKey}.${own}`));
    }
  });

  it('the editor offers Send Test SMS on a selection and Send Test E-mail in HTML documents', () => {
    const editor = menus['editor/context'];
    assert.match(editor.find((m) => m.command === 'partnerExplorer.sendTestSms')?.when ?? '', /editorHasSelection/);
    assert.match(editor.find((m) => m.command === 'partnerExplorer.sendTestMail')?.when ?? '', /editorLangId == html/);
  });

  it('the menus that took every account still match accounts that carry their service', () => {
    for (const command of ['partnerExplorer.openInDashboard', 'partnerExplorer.copyAsJson']) {
      const item = menus['view/item/context'].find((m) => m.command === command);
      const pattern = viewItemPattern(item?.when);
      assert.ok(pattern.test(`${ContextValue.serviceReady}.sms`) && pattern.test(`${ContextValue.serviceReady}.mail`));
    }
  });
});
