import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

/**
 * l10n/bundle.l10n.json is generated (`npm run l10n`, @vscode/l10n-dev's exporter over src/):
 * its keys are the strings the extension shows. The French bundle and package.nls.fr.json
 * are written by hand and checked against them.
 */
describe('localization bundles', () => {
  it('bundle.l10n.json is what `npm run l10n` exports from the sources', function () {
    this.timeout(180_000); // the exporter parses every source file with tree-sitter
    const check = spawnSync(process.execPath, ['scripts/l10n.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(check.status, 0, `${check.stderr}${check.stdout}`);
  });

  it('the exported bundle holds the strings the extension shows', () => {
    const english = json('l10n/bundle.l10n.json');
    assert.ok(Object.keys(english).length > 100, `${Object.keys(english).length} strings`);
    // One from a `vscode.l10n.t` call, one from describeError's translate function (src/ui, no `vscode`).
    assert.ok('Set API key…' in english);
    assert.ok('{0} is limiting requests (HTTP 429). Try again later.' in english);
    for (const [key, value] of Object.entries(english)) {
      assert.equal(value, key, `the English text of ${JSON.stringify(key)} is its key`);
    }
  });

  it('French: every string has a translation with the same placeholders, and none is left over', () => {
    const used = Object.keys(json('l10n/bundle.l10n.json'));
    const bundle = json('l10n/bundle.l10n.fr.json');
    const missing = used.filter((k) => !(k in bundle));
    const extra = Object.keys(bundle).filter((k) => !used.includes(k));
    assert.deepEqual(missing, [], 'missing in l10n/bundle.l10n.fr.json');
    assert.deepEqual(extra, [], 'no longer used, in l10n/bundle.l10n.fr.json');
    for (const [key, value] of Object.entries(bundle)) {
      assert.equal(placeholders(value), placeholders(key), `placeholders of ${JSON.stringify(key)}`);
      assert.ok(value.trim().length > 0, `empty translation of ${JSON.stringify(key)}`);
    }
  });

  it('package.json contributions: every %key% is in package.nls.json and package.nls.fr.json', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    const en = json('package.nls.json');
    const fr = json('package.nls.fr.json');
    assert.deepEqual(
      keys.filter((k) => !(k in en)),
      [],
    );
    assert.deepEqual(
      keys.filter((k) => !(k in fr)),
      [],
    );
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  });
});
