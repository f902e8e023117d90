import * as assert from 'node:assert/strict';
import { checkApiUrl } from '../../../src/settings/apiUrlPolicy';

describe('API URL policy (the key travels in the query string)', () => {
  const cases: [string, ReturnType<typeof checkApiUrl>][] = [
    ['https://api.smspartner.fr/v1', { ok: true, url: 'https://api.smspartner.fr/v1' }],
    ['https://api.smspartner.fr/v1/', { ok: true, url: 'https://api.smspartner.fr/v1' }],
    ['  https://api.mailpartner.fr/v1?x=1#y ', { ok: true, url: 'https://api.mailpartner.fr/v1' }],
    ['http://127.0.0.1:8080/sms/v1', { ok: true, url: 'http://127.0.0.1:8080/sms/v1' }],
    ['http://localhost:3000/v1', { ok: true, url: 'http://localhost:3000/v1' }],
    ['http://[::1]:3000/v1', { ok: true, url: 'http://[::1]:3000/v1' }],
    ['http://api.smspartner.fr/v1', { ok: false, reason: 'insecure' }],
    ['http://192.168.1.10/v1', { ok: false, reason: 'insecure' }],
    ['http://127.0.0.1.evil.example/v1', { ok: false, reason: 'insecure' }],
    ['ftp://api.smspartner.fr/v1', { ok: false, reason: 'scheme' }],
    ['javascript:alert(1)', { ok: false, reason: 'scheme' }],
    ['api.smspartner.fr/v1', { ok: false, reason: 'notUrl' }],
    ['', { ok: false, reason: 'notUrl' }],
    ['https://user:pass@api.smspartner.fr/v1', { ok: false, reason: 'credentials' }],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected.ok ? 'accepted' : expected.reason}`, () => {
      assert.deepEqual(checkApiUrl(input), expected);
    });
  }
});
