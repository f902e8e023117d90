import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boundedNumber, NUMBER_SETTINGS } from '../../../src/settings/numberSettings';

describe('number settings as read', () => {
  const refresh = NUMBER_SETTINGS['statusBar.refreshInterval'];

  it('the refresh interval is 0 (off) or 1 to 1440 whole minutes; anything else is the default 5', () => {
    const cases: [unknown, number, boolean][] = [
      [0, 0, true],
      [1, 1, true],
      [5, 5, true],
      [1440, 1440, true],
      [0.001, 5, false],
      [0.5, 5, false],
      [2.5, 5, false],
      [-1, 5, false],
      [1441, 5, false],
      [Number.NaN, 5, false],
      [Number.POSITIVE_INFINITY, 5, false],
      ['1', 5, false],
      [null, 5, false],
      [undefined, 5, false],
    ];
    for (const [input, value, valid] of cases) {
      assert.deepEqual(boundedNumber(input, refresh), { value, valid }, String(input));
    }
  });

  it('no input, however odd, polls faster than once a minute or waits less than a second', () => {
    const inputs: unknown[] = [0.001, 1e-9, -0, 0.999, 59, 60.5, 1e308, -1e308, '0.001', {}, [], true];
    // A fixed pseudo-random sweep from -3 to 7 × 10^0..10^5, fractions included.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 1000; i++) {
      inputs.push((next() - 0.3) * 10 * 10 ** Math.floor(next() * 6));
    }
    for (const input of inputs) {
      const minutes = boundedNumber(input, refresh).value;
      assert.ok(minutes === 0 || minutes >= 1, `refreshInterval ${String(input)} → ${minutes}`);
      assert.ok(boundedNumber(input, NUMBER_SETTINGS.requestTimeout).value >= 1, `requestTimeout ${String(input)}`);
    }
  });

  it('package.json declares the same bounds the extension enforces', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
      contributes: {
        configuration: {
          properties: Record<string, { type: string; default: unknown; minimum?: number; maximum?: number }>;
        };
      };
    };
    const properties = manifest.contributes.configuration.properties;
    const declared = Object.keys(properties).filter((k) => ['number', 'integer'].includes(properties[k].type));
    assert.deepEqual(
      declared.sort(),
      Object.keys(NUMBER_SETTINGS)
        .map((k) => `partnerExplorer.${k}`)
        .sort(),
      'every number setting is bounded when read',
    );
    for (const [key, bounds] of Object.entries(NUMBER_SETTINGS)) {
      const p = properties[`partnerExplorer.${key}`];
      const off = 'off' in bounds ? bounds.off : undefined;
      assert.deepEqual(
        { type: p.type, default: p.default, minimum: p.minimum, maximum: p.maximum },
        {
          type: bounds.integer ? 'integer' : 'number',
          default: bounds.fallback,
          minimum: off ?? bounds.min,
          maximum: bounds.max,
        },
        key,
      );
    }
  });
});
