import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IgnoreRules } from '../../../../src/providers/apiKeys/gitignore';

/** Every file under `root` (git's folder left out), `/`-separated and relative. */
function allFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = dir ? `${dir}/${e.name}` : e.name;
    return e.name === '.git' ? [] : e.isDirectory() ? allFiles(root, path) : [path];
  });
}

/** What git itself leaves (untracked, not ignored), and what the rules leave. */
function bothVerdicts(tree: Record<string, string>): { git: string[]; ours: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'partner-gitignore-'));
  try {
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const git = (...args: string[]) => spawnSync('git', ['-c', 'core.excludesFile=/dev/null', ...args], { cwd: root });
    assert.equal(git('init', '-q').status, 0);
    const listed = git('ls-files', '--others', '--exclude-standard', '-z');
    assert.equal(listed.status, 0, String(listed.stderr));
    const rules = new IgnoreRules();
    const files = allFiles(root);
    for (const f of files.filter((f) => f === '.gitignore' || f.endsWith('/.gitignore'))) {
      rules.add(f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '', readFileSync(join(root, f), 'utf8'));
    }
    return {
      git: String(listed.stdout).split('\0').filter(Boolean).sort(),
      ours: files.filter((f) => !rules.ignores(f)).sort(),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const FILES = [
  'a.txt',
  'a.log',
  'keep.log',
  'build/out.js',
  'src/build/gen.js',
  'src/app.ts',
  'src/deep/er/x.tmp',
  'docs/a.md',
  'docs/sub/b.md',
  'logs/keep/today.txt',
  'logs/old.txt',
  'lib/a.js',
  'lib/b/c.js',
  'foo/bar/baz.txt',
  'foo/x/y/bar/q.txt',
  '#hash.txt',
  'sp ace.txt',
  'abc1.txt',
  'abd.txt',
  '.env',
  'config/.env.local',
  'nested/.gitignore',
  'nested/secret.txt',
  'nested/open.txt',
  'nested/inner/secret.txt',
  'nested/inner/.gitignore',
  'nested/inner/again.txt',
  'a/b.txt',
];

const CASES: { name: string; gitignore: string; nested?: Record<string, string> }[] = [
  { name: 'a name at any depth, and a negation', gitignore: '*.log\n!keep.log\n' },
  { name: 'a directory-only pattern matches folders at any depth', gitignore: 'build/\n' },
  { name: 'a leading slash anchors', gitignore: '/build\n/a.txt\n' },
  { name: 'a middle slash anchors', gitignore: 'docs/*.md\nsrc/deep\n' },
  {
    name: 'a re-included file inside an ignored folder stays ignored',
    gitignore: 'logs/\n!logs/keep/\n!logs/keep/today.txt\n',
  },
  { name: 'folder contents ignored, then one re-included', gitignore: 'logs/*\n!logs/keep/\n' },
  { name: '** forms', gitignore: '**/bar\nlib/**\n**/*.tmp\nfoo/**/q.txt\n' },
  { name: 'ranges, ? and negated classes', gitignore: 'ab[a-c]?.txt\nab[!c].txt\n' },
  { name: 'comments, escapes and trailing spaces', gitignore: '# a comment\n\\#hash.txt\nsp ace.txt   \n\n' },
  { name: 'dotfiles by pattern', gitignore: '.env*\n' },
  { name: 'a * does not cross folders when anchored', gitignore: 'a/*\n/*.js\nsrc/*.ts\n' },
  {
    name: 'nested .gitignore files: the deeper wins, relative to their folder',
    gitignore: 'secret.txt\n',
    nested: {
      'nested/.gitignore': '!secret.txt\n/open.txt\n',
      'nested/inner/.gitignore': 'secret.txt\n*.txt\n!again.txt\n',
    },
  },
];

describe('gitignore rules against git ls-files --exclude-standard', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const tree: Record<string, string> = Object.fromEntries(FILES.map((f) => [f, 'x']));
      Object.assign(tree, { 'nested/.gitignore': '', 'nested/inner/.gitignore': '' }, c.nested, {
        '.gitignore': c.gitignore,
      });
      const { git, ours } = bothVerdicts(tree);
      assert.deepEqual(ours, git);
    });
  }
});
