import * as assert from 'node:assert/strict';
import { formatCount, formatMoney } from '../../../src/ui/localeFormat';

// Intl output uses narrow no-break spaces in French: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it('formats counts in English and French', () => {
    assert.equal(formatCount(2045023, 'en'), '2,045,023');
    assert.equal(plain(formatCount(2045023, 'fr')), '2 045 023');
  });

  it("keeps the provider's three decimals and the currency", () => {
    const money = { amount: '10225.119', value: 10225.119, currency: 'EUR' };
    assert.equal(formatMoney(money, 'en'), '€10,225.119');
    assert.equal(plain(formatMoney(money, 'fr')), '10 225,119 €');
    assert.equal(formatMoney({ amount: '0.8', value: 0.8, currency: 'EUR' }, 'en'), '€0.80');
  });

  it('shows an unknown currency code as text, and survives a bogus locale', () => {
    assert.equal(formatMoney({ amount: '12.5', value: 12.5, currency: 'crédits' }, 'en'), '12.50 crédits');
    assert.equal(formatCount(1234, 'xx-INVALID-@@'), '1,234');
  });
});
