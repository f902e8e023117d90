import * as assert from 'node:assert/strict';
import { measureSms } from '../../../src/api/smsLength';
import { applyFixes } from '../../../src/providers/smsLength/smsFixes';
import { changeMessage, fixEffect, smsLengthLabel } from '../../../src/ui/smsLengthText';
import { english, french } from '../helpers/bundleTranslate';

describe('SMS length in the editor: texts and fixes', () => {
  it('labels the count as the status bar shows it, in English and French', () => {
    const m = measureSms('a'.repeat(214));
    assert.equal(smsLengthLabel(m, english), '2 SMS · 214/306 · GSM');
    assert.equal(smsLengthLabel(measureSms('é', { unicode: true }), french), '1 SMS · 1/70 · Unicode');
  });

  it('says what happens to each character, in English and French', () => {
    const [quote, tilde, curly] = measureSms('’~”').changes;
    assert.equal(changeMessage(quote, english), "’ is sent as ' (without Unicode).");
    assert.equal(changeMessage(tilde, french), '~ est supprimé à l’envoi (sans Unicode).');
    assert.match(changeMessage(curly, english), /^” is outside the GSM alphabet/);
  });

  it('a fix writes what is sent, or the nearest plain character, and says its effect on the count', () => {
    const text = `${'a'.repeat(150)} l’été “ok” — fin`;
    assert.equal(applyFixes(text, measureSms(text).changes), `${'a'.repeat(150)} l'été 'ok" - fin`);
    assert.deepEqual(measureSms(applyFixes(text, measureSms(text).changes)).changes, []);
    // ” is not sent (counted as removed): writing " instead costs a unit each.
    const quotes = `${'a'.repeat(159)}””`;
    const fixedQuotes = measureSms(applyFixes(quotes, measureSms(quotes).changes));
    assert.equal(fixEffect(measureSms(quotes), fixedQuotes, english), '1 SMS → 2 SMS');
    assert.equal(fixEffect(measureSms(quotes), fixedQuotes, french), '1 SMS → 2 SMS');
    // œ is sent as oe anyway: writing it changes nothing in the count.
    const heart = `${'a'.repeat(160)}œ`;
    const fixedHeart = measureSms(applyFixes(heart, measureSms(heart).changes));
    assert.equal(fixEffect(measureSms(heart), fixedHeart, english), '2 SMS, sent as written');
    assert.equal(fixEffect(measureSms(heart), fixedHeart, french), '2 SMS, envoyé tel quel');
  });
});
