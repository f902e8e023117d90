/**
 * The rules of `.gitignore` files the workspace scan honours, as git reads them: blank
 * lines and `#` comments skipped, `!` re-includes, a trailing `/` for directories only, a
 * pattern with a `/` elsewhere anchored to its file's folder (else matched against the name
 * at any depth), `*`, `?`, `[…]`, `**` as a whole path part; the last matching line wins,
 * a deeper file wins over a shallower one, and nothing inside an ignored folder comes back.
 * Not read: `.git/info/exclude` and the user's `core.excludesFile`.
 */

interface Rule {
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly dirOnly: boolean;
  /** Matched against the path from the file's folder; else against the name. */
  readonly anchored: boolean;
}

/** A glob of one `.gitignore` line as a regular expression's source (`/` never crossed by `*`). */
function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*' && (i === 0 || glob[i - 1] === '/') && (i + 2 === glob.length || glob[i + 2] === '/')) {
        // `**/` any folders (none too), a final `/**` everything inside.
        out += i + 2 === glob.length ? '.*' : '(?:.*/)?';
        i += 2;
      } else {
        out += '[^/]*';
        while (glob[i + 1] === '*') {
          i++;
        }
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const close = glob.indexOf(']', i + 2);
      let body = glob.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      body = (negate ? body.slice(1) : body).replace(/[\\\]^]/g, (m) => `\\${m}`);
      out += negate ? `[^/${body}]` : `[${body}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) {
      out += glob[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return out;
}

/** The rules of one `.gitignore` file's text. */
export function parseGitignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // Trailing spaces go unless escaped.
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) {
      continue;
    }
    const negated = line.startsWith('!');
    if (negated) {
      line = line.slice(1);
    }
    const dirOnly = line.endsWith('/');
    if (dirOnly) {
      line = line.slice(0, -1);
    }
    const anchored = line.includes('/');
    if (line.startsWith('/')) {
      line = line.slice(1);
    }
    if (line) {
      rules.push({ regex: new RegExp(`^${globSource(line)}$`), negated, dirOnly, anchored });
    }
  }
  return rules;
}

/**
 * Which paths the `.gitignore` files of one tree ignore. Paths are `/`-separated and
 * relative to the tree's root; a file's folder is `''` at the root.
 */
export class IgnoreRules {
  private readonly files = new Map<string, Rule[]>();
  private readonly dirs = new Map<string, boolean>();

  /** Adds the `.gitignore` file of folder `dir` (`''`: the root). */
  add(dir: string, text: string): void {
    this.files.set(dir, parseGitignore(text));
    this.dirs.clear();
  }

  /** Whether the file (or, with `isDir`, folder) at `path` is ignored, its folders included. */
  ignores(path: string, isDir = false): boolean {
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? '' : path.slice(0, slash);
    return (parent !== '' && this.ignoresDir(parent)) || this.matches(path, isDir);
  }

  private ignoresDir(dir: string): boolean {
    let known = this.dirs.get(dir);
    if (known === undefined) {
      known = this.ignores(dir, true);
      this.dirs.set(dir, known);
    }
    return known;
  }

  /** The verdict of the deepest `.gitignore` with a matching line, its last such line. */
  private matches(path: string, isDir: boolean): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    for (let dir = path; ;) {
      const slash = dir.lastIndexOf('/');
      dir = slash < 0 ? '' : dir.slice(0, slash);
      const rules = this.files.get(dir);
      if (rules) {
        const relative = dir === '' ? path : path.slice(dir.length + 1);
        for (let i = rules.length - 1; i >= 0; i--) {
          const r = rules[i];
          if ((!r.dirOnly || isDir) && r.regex.test(r.anchored ? relative : name)) {
            return !r.negated;
          }
        }
      }
      if (dir === '') {
        return false;
      }
    }
  }
}
