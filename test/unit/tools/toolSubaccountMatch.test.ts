import * as assert from 'node:assert/strict';
import { money, type Subaccount } from '../../../src/api';
import { subaccountMatchText } from '../../../src/tools/subaccountMatchText';
import { toolMatchesSubaccount } from '../../../src/tools/toolSubaccountMatch';
import { english } from '../helpers/bundleTranslate';

// Issue 24, item 8: with sharing off, a masked address was rebuilt from fragment queries.
const TARGET = 'jasmine.roux-77@client-sms.example';
const list: Subaccount[] = [
  ...['jules.45', 'jade.9', 'jasper', 'paul.roux', 'mina', 'ja.smith'].map((local, i) => ({
    id: 1000 + i,
    email: `${local}@client-sms.example`,
    token: `smstok0000${i}`,
    balance: money('1', 'EUR'),
  })),
  { id: 1077, email: TARGET, token: 'smstok00077', balance: money('2.5', 'EUR') },
];

/** What the model reads for a query: the tool's answer text, built from the tool's matching. */
function answer(query: string, share: boolean): string {
  const matches = list.filter((s) => toolMatchesSubaccount(s, query, share));
  const source = { title: 'SMS Partner · Nord', matches, searched: list.length, maxResults: 10, readAt: undefined };
  return subaccountMatchText({ ...source, sharePersonalData: share }, english, 'en');
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789.-_+@';

/**
 * The attack that was seen: start from what the mask shows (`j•••@c•••.example`), then
 * grow the fragment one character at a time, right then left, keeping a character when the
 * answer still lists the target's id.
 */
function attack(share: boolean): { recovered: string; calls: number } {
  let calls = 0;
  const listsTarget = (query: string) => {
    calls++;
    return answer(query, share).includes('\n- #1077 ');
  };
  let known = 'j';
  for (const grow of [(c: string) => known + c, (c: string) => c + known]) {
    for (let found = true; found;) {
      found = false;
      for (const c of ALPHABET) {
        if (listsTarget(grow(c))) {
          known = grow(c);
          found = true;
          break;
        }
      }
    }
  }
  return { recovered: listsTarget(known) ? known : '', calls };
}

describe('the find tool never unmasks an e-mail by trial (issue 24, item 8)', () => {
  it('with sharing off, character-by-character fragment queries give no signal', () => {
    const { recovered, calls } = attack(false);
    assert.equal(recovered, '', `nothing recovered after ${calls} calls`);
    // Every prefix, suffix and inner fragment of the address, in either case: no answer lists the target.
    for (let start = 0; start < TARGET.length; start++) {
      for (let end = start + 1; end <= TARGET.length; end++) {
        const fragment = TARGET.slice(start, end);
        // A fragment of the token lists it too, rightly: the token is shown in full, no personal data.
        if (fragment !== TARGET && !'smstok00077'.includes(fragment.toLowerCase())) {
          assert.ok(!answer(fragment, false).includes('#1077'), `"${fragment}" lists the target`);
          assert.ok(!answer(fragment.toUpperCase(), false).includes('#1077'), `"${fragment}" (upper case)`);
        }
      }
    }
  });

  it('the same attack rebuilds the address when sharing is on (the matching everyone had before)', () => {
    const { recovered, calls } = attack(true);
    assert.equal(recovered, TARGET, `rebuilt in ${calls} calls`);
  });

  it('with sharing off, the whole address, the token (or part of it) and the id still match', () => {
    for (const query of [TARGET, `  ${TARGET.toUpperCase()} `, 'smstok00077', 'tok00077', '1077']) {
      const text = answer(query, false);
      assert.match(text, /: 1 of 7 sub-accounts match/, query);
      assert.match(text, /\n- #1077 · j•••@c•••\.example · token smstok00077 · /, query);
    }
    assert.match(answer('@client-sms.example', false), /: 0 of 7 sub-accounts match/);
    assert.match(answer('roux', true), /: 2 of 7 sub-accounts match/, 'fragments when shared');
    assert.equal(toolMatchesSubaccount(list[6], '   ', true), false);
  });
});
