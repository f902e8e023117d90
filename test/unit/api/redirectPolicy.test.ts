import * as assert from 'node:assert/strict';
import { decideRedirect } from '../../../src/api/redirectPolicy';

describe('redirect policy', () => {
  const from = new URL('https://api.smspartner.fr/v1/me?_format=json&apiKey=k');
  const cases: [string, string | null, string, number, string][] = [
    ['same origin, relative', '/v1/me?x=1', 'GET', 0, 'follow https://api.smspartner.fr/v1/me?x=1'],
    ['same origin, absolute', 'https://api.smspartner.fr/v2/me', 'GET', 2, 'follow https://api.smspartner.fr/v2/me'],
    ['https to http, same host', 'http://api.smspartner.fr/v1/me', 'GET', 0, 'otherOrigin http://api.smspartner.fr'],
    ['another port', 'https://api.smspartner.fr:8443/v1/me', 'GET', 0, 'otherOrigin https://api.smspartner.fr:8443'],
    ['another host', 'https://evil.example/collect?a=b', 'GET', 0, 'otherOrigin https://evil.example'],
    ['a POST, even to the same origin', '/v1/subaccount/credit/add', 'POST', 0, 'notGet https://api.smspartner.fr'],
    ['a fourth hop', '/v1/me', 'GET', 3, 'tooManyHops https://api.smspartner.fr'],
    ['no Location', null, 'GET', 0, 'badLocation'],
    ['another scheme', 'javascript:alert(1)', 'GET', 0, 'badLocation'],
    ['credentials in the URL', 'https://user:pw@api.smspartner.fr/v1/me', 'GET', 0, 'badLocation'],
  ];
  for (const [name, location, method, hops, expected] of cases) {
    it(`${name} → ${expected.split(' ')[0]}`, () => {
      const d = decideRedirect(from, location, method, hops);
      const shown = 'follow' in d ? `follow ${d.follow.href}` : [d.refuse, d.target].filter(Boolean).join(' ');
      assert.equal(shown, expected);
    });
  }
});
