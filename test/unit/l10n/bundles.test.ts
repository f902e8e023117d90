import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

const LITERAL = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
/** A call `l10n.t(…)` or `t(…)` (a translate function passed in, e.g. `describeError`'s) and its first argument. */
const CALL = new RegExp(String.raw`\bt\(\s*((?:${LITERAL})(?:\s*\+\s*(?:${LITERAL}))*)`, 'g');
const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(.)/g, '$1');

/**
 * Every key in src/ given to `l10n.t` or to a translate function named `t`: single- or
 * double-quoted (a key with an apostrophe may be written "…'…"), possibly split in
 * literals joined with `+` (long sentences).
 */
function usedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {walk(p);}
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(CALL)) {
          keys.add((m[1].match(new RegExp(LITERAL, 'g')) ?? []).map(unquote).join(''));
        }
      }
    }
  };
  walk(join(ROOT, 'src'));
  return [...keys].sort();
}

describe('localization bundles', () => {
  const used = usedKeys();

  it('finds the strings the extension shows', () => {
    assert.ok(used.length > 100, `${used.length} strings`);
    assert.ok(used.includes('Set API key…'));
  });

  for (const [file, name] of [
    ['l10n/bundle.l10n.json', 'English'],
    ['l10n/bundle.l10n.fr.json', 'French'],
  ]) {
    it(`${name}: every runtime string used has a translation with the same placeholders, and none is left over`, () => {
      const bundle = json(file);
      const missing = used.filter((k) => !(k in bundle));
      const extra = Object.keys(bundle).filter((k) => !used.includes(k));
      assert.deepEqual(missing, [], `missing in ${file}`);
      assert.deepEqual(extra, [], `no longer used, in ${file}`);
      for (const [key, value] of Object.entries(bundle)) {
        assert.equal(placeholders(value), placeholders(key), `placeholders of ${JSON.stringify(key)}`);
        assert.ok(value.trim().length > 0, `empty translation of ${JSON.stringify(key)}`);
      }
    });
  }

  it('package.json contributions: every %key% is in package.nls.json and package.nls.fr.json', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    const en = json('package.nls.json');
    const fr = json('package.nls.fr.json');
    assert.deepEqual(keys.filter((k) => !(k in en)), []);
    assert.deepEqual(keys.filter((k) => !(k in fr)), []);
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  });
});
