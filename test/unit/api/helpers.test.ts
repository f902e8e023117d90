import * as assert from 'node:assert/strict';
import { fromProviderDateTime, fromUnixSeconds } from '../../../src/api/providerDates';
import { bodyExcerpt, maskApiKeyParams, redactSecrets } from '../../../src/api/redact';
import { parseRetryAfter } from '../../../src/api/retryPolicy';

describe('provider dates', () => {
  it('reads Unix seconds given as text or number', () => {
    assert.equal(fromUnixSeconds('1599061044')?.toISOString(), '2020-09-02T15:37:24.000Z');
    assert.equal(fromUnixSeconds(1517989111)?.toISOString(), '2018-02-07T07:38:31.000Z');
    assert.equal(fromUnixSeconds(''), undefined);
    assert.equal(fromUnixSeconds('soon'), undefined);
  });

  it('reads Paris wall-clock times in winter, summer and across DST changes', () => {
    assert.equal(fromProviderDateTime('2016-03-04 11:23:14')?.toISOString(), '2016-03-04T10:23:14.000Z');
    assert.equal(fromProviderDateTime('2024-07-14 22:00:00')?.toISOString(), '2024-07-14T20:00:00.000Z');
    // 2024-03-31 03:30 exists only in summer time (+02:00).
    assert.equal(fromProviderDateTime('2024-03-31 03:30:00')?.toISOString(), '2024-03-31T01:30:00.000Z');
    assert.equal(fromProviderDateTime('2024-10-27 12:00:00')?.toISOString(), '2024-10-27T11:00:00.000Z');
    assert.equal(fromProviderDateTime('04/03/2016'), undefined);
    assert.equal(fromProviderDateTime(undefined), undefined);
  });

  it('reads every quarter hour around both DST changes of 2024 as Paris wall-clock time (the offsets are cached per hour)', () => {
    // Independent of the parser: the wall-clock text of an instant, as Paris shows it.
    const paris = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    for (const day of ['2024-03-30T18:00:00Z', '2024-10-26T18:00:00Z']) {
      const from = Date.parse(day);
      for (let t = from; t < from + 14 * 3_600_000; t += 15 * 60_000) {
        const text = paris.format(new Date(t));
        const read = fromProviderDateTime(text)?.getTime();
        // In October's repeated hour, a wall-clock time names two instants: either is right.
        assert.ok(read === t || read === t + 3_600_000 || read === t - 3_600_000, `${text}: ${read} vs ${t}`);
        assert.equal(paris.format(new Date(read!)), text);
      }
    }
  });
});

describe('redaction', () => {
  it('masks apiKey in query strings and JSON bodies', () => {
    assert.equal(maskApiKeyParams('/v1/me?_format=json&apiKey=abc123SECRET'), '/v1/me?_format=json&apiKey=***');
    assert.equal(maskApiKeyParams('GET /v1/me?apikey=x&page=2'), 'GET /v1/me?apikey=***&page=2');
    assert.equal(maskApiKeyParams('{"apiKey": "s3cr3t", "credit": "1"}'), '{"apiKey": "***", "credit": "1"}');
  });

  it('masks e-mail addresses and phone numbers in answer excerpts (personal data is never logged)', () => {
    const body =
      '{"data":[{"email":"jules.45@client-sms.example","phoneNumber":"+33612345678","id":1045,"date":"1763800000"}]}';
    const excerpt = bodyExcerpt(body, []);
    assert.ok(!excerpt.includes('jules.45') && !excerpt.includes('client-sms.example'), excerpt);
    assert.ok(!excerpt.includes('612345678'), excerpt);
    assert.ok(excerpt.includes('"id":1045') && excerpt.includes('"1763800000"'), 'ids and dates stay');
  });

  it('removes known secrets anywhere and cuts excerpts short', () => {
    assert.equal(redactSecrets('key is topsecret-key-1 ok', ['topsecret-key-1']), 'key is *** ok');
    const excerpt = bodyExcerpt(`<html>\n  ${'x'.repeat(400)} topsecret-key-1</html>`, ['topsecret-key-1'], 40);
    assert.equal(excerpt.length, 41);
    assert.ok(excerpt.endsWith('…'));
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter('0.5'), 500);
    const now = Date.parse('2026-11-22T10:00:00Z');
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('later'), undefined);
  });
});
