import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { KeyMatcher, type KeyOwner } from '../../../src/accounts/keyMatcher';

const SMS: KeyOwner = { service: 'sms', name: 'Agence', accountId: 'a1' };
const MAIL: KeyOwner = { service: 'mail', name: 'News' };
const SMS_KEY = 'sms-demo-key-6f1c2a9e4b7d';
const MAIL_KEY = 'mail-demo-key-3e8b5d0c1a2f';

describe('key matcher', () => {
  const matcher = new KeyMatcher([
    { key: SMS_KEY, owner: SMS },
    { key: ` ${MAIL_KEY}\n`, owner: MAIL },
  ]);

  it('finds each key wherever it is written, with its owner', () => {
    const text = `const k = "${SMS_KEY}";\nurl?apiKey=${MAIL_KEY}&x=1\n${SMS_KEY}${SMS_KEY}`;
    const found = matcher.find(text);
    assert.deepEqual(
      found.map((f) => [text.slice(f.offset, f.offset + f.length), f.owner.name]),
      [
        [SMS_KEY, 'Agence'],
        [MAIL_KEY, 'News'],
        [SMS_KEY, 'Agence'],
        [SMS_KEY, 'Agence'],
      ],
    );
  });

  it('finds a key at the very start and the very end, and in text of exactly its length', () => {
    assert.equal(matcher.find(SMS_KEY).length, 1);
    assert.deepEqual(
      matcher.find(`${SMS_KEY} x ${SMS_KEY}`).map((f) => f.offset),
      [0, SMS_KEY.length + 3],
    );
  });

  it('finds nothing in text that only resembles a key', () => {
    const near = [SMS_KEY.slice(0, -1), SMS_KEY.toUpperCase(), SMS_KEY.replace('6', '7'), SMS_KEY.slice(1)].join('\n');
    assert.deepEqual(matcher.find(near), []);
    assert.deepEqual(matcher.find(''), []);
    assert.deepEqual(matcher.find('short'), []);
  });

  it('ignores keys too short to tell from words, and holds no key in clear', () => {
    assert.ok(new KeyMatcher([{ key: 'abc', owner: SMS }]).isEmpty);
    const shown = inspect(matcher, { depth: 10, maxArrayLength: 0 });
    assert.ok(!shown.includes(SMS_KEY) && !shown.includes(MAIL_KEY), shown);
  });

  it('searches non-ASCII text and many lines', () => {
    const text = `é€😀\n${'x'.repeat(100_000)}🙂${SMS_KEY}é`;
    const [f] = matcher.find(text);
    assert.equal(text.slice(f.offset, f.offset + f.length), SMS_KEY);
  });
});
