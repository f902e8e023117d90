// `npm run l10n`: writes l10n/bundle.l10n.json from the sources with @vscode/l10n-dev's
// exporter (what `l10n-dev export` runs). `node scripts/l10n.mjs --check` writes nothing and
// exits 1 when the file is not what it would write (a unit test runs it in `npm test`).
//
// l10n-dev reads `vscode.l10n.t('…')` / `l10n.t('…')` in files that import `vscode`. The
// modules that must not import `vscode` (src/api, the *Text.ts of the tools, describeError)
// take a translate function `t` instead: for those calls the exporter is given a copy of the
// file where `t(` reads `vscode.l10n.t(`, so every key is read by the same parser. A long key
// split in literals joined with `+` is given to it joined (the exporter reads one literal only).
import { getL10nJson } from '@vscode/l10n-dev';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'l10n/bundle.l10n.json');

/** A call of a translate function named `t` (not `l10n.t`, not `foo.t`, not `format(`). */
const BARE_T = /(?<![\w.$])t\(/;
const LITERAL = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`;
/** The first argument of a `t(` call written as literals joined with `+`. */
const SPLIT_KEY = new RegExp(String.raw`(?<![\w$])(t\(\s*)((?:${LITERAL})(?:\s*\+\s*(?:${LITERAL}))+)(?=\s*[,)])`, 'g');
/** One literal with the joined value (each part is a string literal matched above, evaluated alone). */
const joined = (parts) =>
  JSON.stringify(
    parts
      .match(new RegExp(LITERAL, 'g'))
      .map((literal) => runInNewContext(literal))
      .join(''),
  );

function sourceFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
    });
}

/** The bundle's text as `npm run l10n` writes it: keys in code-unit order, two-space JSON. */
export async function exportedBundle() {
  const files = sourceFiles(join(root, 'src')).map((path) => {
    const source = readFileSync(path, 'utf8');
    const contents = source.replace(SPLIT_KEY, (_, call, parts) => call + joined(parts));
    return {
      contents: BARE_T.test(contents)
        ? `import * as vscode from 'vscode';\n${contents.replace(new RegExp(BARE_T, 'g'), 'vscode.l10n.t(')}`
        : contents,
      extension: '.ts',
    };
  });
  const strings = await getL10nJson(files);
  const sorted = Object.fromEntries(
    Object.keys(strings)
      .sort()
      .map((k) => [k, strings[k]]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

const text = await exportedBundle();
if (process.argv.includes('--check')) {
  const current = readFileSync(BUNDLE, 'utf8');
  if (current !== text) {
    const [now, wanted] = [JSON.parse(current), JSON.parse(text)];
    const missing = Object.keys(wanted).filter((k) => !(k in now));
    const stale = Object.keys(now).filter((k) => !(k in wanted));
    console.error('l10n/bundle.l10n.json is not what `npm run l10n` exports from src/:');
    for (const k of missing) console.error(`  missing: ${JSON.stringify(k)}`);
    for (const k of stale) console.error(`  no longer used: ${JSON.stringify(k)}`);
    if (!missing.length && !stale.length) console.error('  same keys, other values or order');
    console.error('Run `npm run l10n`, then give each new string its French text in l10n/bundle.l10n.fr.json.');
    process.exitCode = 1;
  } else {
    console.log(`l10n/bundle.l10n.json is up to date (${Object.keys(JSON.parse(text)).length} strings)`);
  }
} else {
  writeFileSync(BUNDLE, text);
  console.log(`written: l10n/bundle.l10n.json (${Object.keys(JSON.parse(text)).length} strings)`);
}
