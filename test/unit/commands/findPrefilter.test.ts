import * as assert from 'node:assert/strict';
import { couldMatch, showsFor } from '../../../src/commands/findPrefilter';

// A Find row's texts as findSubaccount.ts lower-cases them: e-mail, "#id · token", "type · balance".
const row = ['agence.durand@exemple.fr', '#1042 · smstok00042', 'advanced · 12,50 €'];

describe('Find: which rows cross to the workbench for what is typed', () => {
  const cases: Array<[string, boolean]> = [
    ['durand', true],
    ['adurnd', true], // the characters in order, as the workbench's fuzzy matching allows
    ['smstok00042', true],
    ['1042 durand', true], // each word in one of the texts
    ['durand*exemple', true], // `*` is "anything" to the workbench
    ['*', true],
    ['dupont', false],
    ['1042 dupont', false],
    ['durand*dupont', false],
  ];
  for (const [typed, kept] of cases) {
    it(`${JSON.stringify(typed)} → ${kept ? 'sent' : 'left out'}`, () => {
      assert.equal(couldMatch(row, typed), kept);
    });
  }
});

describe('Find: whether the workbench shows a row for what is typed (else the "no match" row shows)', () => {
  const cases: Array<[string, boolean]> = [
    ['durand', true],
    ['  DURAND ', true], // trimmed, case ignored
    ['smstok00042', true],
    ['durand*exemple', true], // `*` is "anything"
    ['12,50', true], // the balance in the detail
    ['agence.durand@exemple.fr', true],
    ['', true],
    ['nouveau.client@exemple.fr', false], // a sub-account created since the list was read
    ['adurnd', false], // characters in order are not enough to be shown
    ['durand.', false], // `.` is a dot, not "any character"
    ['(1042)', false],
  ];
  for (const [typed, shown] of cases) {
    it(`${JSON.stringify(typed)} → ${shown ? 'a row shows' : 'no row: the list says so'}`, () => {
      assert.equal(showsFor(row, typed), shown);
    });
  }
});
