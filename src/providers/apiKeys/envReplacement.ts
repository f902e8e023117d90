/** The languages whose code can read an environment variable in place of a key. */
export type CodeLanguage = 'js' | 'python' | 'php' | 'go' | 'shell';

/** One replacement in a document, by offsets in its text. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const LANGUAGES: Readonly<Record<string, CodeLanguage>> = {
  javascript: 'js',
  javascriptreact: 'js',
  typescript: 'js',
  typescriptreact: 'js',
  python: 'python',
  php: 'php',
  go: 'go',
  shellscript: 'shell',
};

export function codeLanguage(languageId: string): CodeLanguage | undefined {
  return LANGUAGES[languageId];
}

/** `.env`, `.env.local`, `prod.env`…: kept as they are, but out of git. */
export function isDotenv(fileName: string, languageId: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return languageId === 'dotenv' || /^\.env(\..+)?$/.test(base) || /\.env$/.test(base);
}

/** What reads the variable, in each language. */
export function envRead(language: CodeLanguage, envVar: string): string {
  switch (language) {
    case 'js':
      return `process.env.${envVar}`;
    case 'python':
      return `os.environ["${envVar}"]`;
    case 'php':
      return `getenv('${envVar}')`;
    case 'go':
      return `os.Getenv("${envVar}")`;
    case 'shell':
      return `$${envVar}`;
  }
}

/**
 * The quote of the string literal open at `offset` on its line, if any. A backslash escapes
 * in every literal but the shell's single-quoted one (`'it\'s'` is one JS, Python or PHP string).
 */
function openQuote(text: string, offset: number, language: CodeLanguage): { quote: string; at: number } | undefined {
  let quote: string | undefined;
  let at = 0;
  for (let i = text.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && !(language === 'shell' && quote === "'")) {
        i++;
      } else if (c === quote) {
        quote = undefined;
      }
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      at = i;
    }
  }
  return quote === undefined ? undefined : { quote, at };
}

/**
 * Replaces the key at `offset` with a read of `envVar`: a literal holding only the key
 * becomes the read itself, quotes included; a key inside a longer literal is cut out of
 * it and joined back (`'a' . getenv('K') . 'b'`, `${process.env.K}` in a template,
 * `"…$K…"` in a shell double-quoted string). Adds `import os` (Python) or the `"os"`
 * import (Go) when missing. No change where a read cannot go (a PHP `const`).
 */
export function envReplacement(
  text: string,
  offset: number,
  length: number,
  language: CodeLanguage,
  envVar: string,
): TextChange[] {
  const end = offset + length;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const open = openQuote(text, offset, language);
  if (!readFits(text, offset, offset + length, lineStart, language, open)) {
    return [];
  }
  const read = envRead(language, envVar);
  const quote = open?.quote;
  const opens = open !== undefined && open.at === offset - 1;
  const closes = quote !== undefined && text[end] === quote;
  // A Python literal's prefix (`u`, `r`, `f`…): removed with the literal, or carried to what is left after the key.
  const prefix =
    language === 'python' && open ? (/(?<!\w)[rRbBuUfF]{1,2}$/.exec(text.slice(lineStart, open.at))?.[0] ?? '') : '';
  let change: TextChange;
  // Followed by a name character, `$K` would read another variable: `${K}`.
  const braced = language === 'shell' && /\w/.test(text[end] ?? '') ? `\${${envVar}}` : read;
  if (quote === undefined) {
    change = { start: offset, end, text: braced };
  } else if (opens && closes) {
    change = { start: offset - 1 - prefix.length, end: end + 1, text: language === 'shell' ? `"${read}"` : read };
  } else if (language === 'shell') {
    change = { start: offset, end, text: quote === '"' ? braced : `'"${braced}"'` };
  } else if (quote === '`' && language === 'js') {
    change = { start: offset, end, text: `\${${read}}` };
  } else {
    const join = language === 'php' ? ' . ' : ' + ';
    change = {
      start: opens ? offset - 1 - prefix.length : offset,
      end: closes ? end + 1 : end,
      text: `${opens ? '' : quote + join}${read}${closes ? '' : join + prefix + quote}`,
    };
  }
  return [...importChange(text, language), ...goConstChange(text, offset, language), change];
}

/**
 * Whether a read can stand where the key is. Not in a PHP constant or a Go `const ( … )`
 * block (constant expressions only), a TypeScript enum member or `'…' as const` (literals
 * only), or a Python triple-quoted string (the quotes around it would be left unbalanced).
 * There the fix would break the file, so only the rotation fixes are offered.
 */
function readFits(
  text: string,
  offset: number,
  end: number,
  lineStart: number,
  language: CodeLanguage,
  open: { quote: string; at: number } | undefined,
): boolean {
  const before = text.slice(0, offset);
  switch (language) {
    case 'php':
      return !/^\s*(?:(?:public|protected|private|final)\s+)*const\s/.test(text.slice(lineStart, offset));
    case 'go': {
      const block = before.lastIndexOf('\nconst (');
      return block < 0 || before.indexOf('\n)', block) >= 0;
    }
    case 'js':
      return !/\benum\s+\w+\s*\{[^}]*$/.test(before) && !/^['"`]?\s*as\s+const\b/.test(text.slice(end));
    case 'python':
      return !(open && text.slice(open.at - 2, open.at + 1) === open.quote.repeat(3));
    default:
      return true;
  }
}

/** Go: a constant cannot hold a call, so a one-line `const name = "…key…"` becomes a `var`. */
function goConstChange(text: string, offset: number, language: CodeLanguage): TextChange[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const declared =
    language === 'go' && /^(\s*)const\s+\w+(?:\s+[\w.]+)?\s*=\s*["`]/.exec(text.slice(lineStart, offset));
  if (!declared) {
    return [];
  }
  const at = lineStart + declared[1].length;
  return [{ start: at, end: at + 'const'.length, text: 'var' }];
}

function importChange(text: string, language: CodeLanguage): TextChange[] {
  if (language === 'python' && !/^\s*import\s+([\w.]+\s*,\s*)*os\b/m.test(text)) {
    // After a shebang, encoding line or `from __future__` imports, which must stay first.
    const head = /^(?:(?:#.*|from __future__ .*)\r?\n)*/.exec(text)?.[0].length ?? 0;
    return [{ start: head, end: head, text: 'import os\n' }];
  }
  if (language === 'go' && !/^\s*(import\s+)?"os"\s*$/m.test(text)) {
    const block = /^import \($/m.exec(text);
    if (block) {
      const at = block.index + block[0].length;
      return [{ start: at, end: at, text: '\n\t"os"' }];
    }
    const pkg = /^package .*$/m.exec(text);
    if (pkg) {
      const at = pkg.index + pkg[0].length;
      return [{ start: at, end: at, text: '\n\nimport "os"' }];
    }
  }
  return [];
}

/** The text with the changes made (they do not overlap). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  return [...changes]
    .sort((a, b) => b.start - a.start)
    .reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);
}
