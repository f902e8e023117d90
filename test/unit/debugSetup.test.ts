import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KEYS } from '../emulator/emulatorData';

const ROOT = join(__dirname, '../../..');
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** VS Code's JSON with comments: `//` and block comments outside strings, trailing commas. */
function jsonc(file: string): unknown {
  const source = text(file);
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const literal = end.exec(source)![0];
      out += literal;
      i += literal.length - 1;
    } else if (source.startsWith('//', i)) {
      i = source.indexOf('\n', i) - 1;
      if (i < 0) {
        break;
      }
    } else if (source.startsWith('/*', i)) {
      i = source.indexOf('*/', i) + 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

interface LaunchConfig {
  name: string;
  type: string;
  args: string[];
  env?: Record<string, string>;
  outFiles?: string[];
  preLaunchTask?: string;
}
interface Task {
  label: string;
  type?: string;
  script?: string;
  command?: string;
  args?: string[];
  isBackground?: boolean;
  dependsOn?: string[];
  problemMatcher?: unknown;
}

/** `${workspaceFolder}/x` → x; an argument `--name=value` → value. */
const inRepo = (value: string) => value.replace('${workspaceFolder}/', '');
const arg = (config: LaunchConfig, name: string) =>
  config.args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

describe('debugging like any extension (.vscode/)', () => {
  const launch = jsonc('.vscode/launch.json') as { configurations: LaunchConfig[] };
  const tasks = (jsonc('.vscode/tasks.json') as { tasks: Task[] }).tasks;
  const labels = new Set(tasks.map((t) => t.label));
  const manifest = JSON.parse(text('package.json')) as { main: string; scripts: Record<string, string> };
  const byName = (prefix: string) => {
    const config = launch.configurations.find((c) => c.name.startsWith(prefix));
    assert.ok(config, `a launch configuration "${prefix}…"`);
    return config;
  };

  it('Run Extension starts the built extension against the emulator with its sample keys', () => {
    const run = byName('Run Extension');
    assert.equal(run.type, 'extensionHost');
    assert.equal(arg(run, 'extensionDevelopmentPath'), '${workspaceFolder}');
    // The host loads package.json's main, which the build writes (the unit run builds first).
    assert.equal(manifest.main, './dist/extension.js');
    assert.ok(existsSync(join(ROOT, 'dist/extension.js')), 'dist/extension.js is built');
    assert.deepEqual(run.outFiles, ['${workspaceFolder}/dist/**/*.js']);
    assert.deepEqual(run.env, { SMSPARTNER_API_KEY: DEFAULT_KEYS.sms, MAILPARTNER_API_KEY: DEFAULT_KEYS.mail });
    // Its own user data, where scripts/devHost.mjs writes the settings that point at the emulator.
    assert.equal(arg(run, 'user-data-dir'), '${workspaceFolder}/.tmp/dev-host/user-data');
    assert.match(text('scripts/devHost.mjs'), /join\(base, 'user-data\/User'\)/);
    assert.match(text('scripts/devHost.mjs'), /'--demo'/);
  });

  it('Extension Tests runs the integration suite the build writes to out/', () => {
    const tests = byName('Extension Tests');
    assert.equal(tests.type, 'extensionHost');
    const suite = arg(tests, 'extensionTestsPath');
    assert.equal(suite, '${workspaceFolder}/out/test/integration/index');
    assert.ok(existsSync(join(ROOT, `${inRepo(suite!)}.js`)), `${suite}.js is built`);
    assert.ok(existsSync(join(ROOT, 'test/integration/index.ts')));
    const workspace = tests.args.at(-1)!;
    assert.equal(tests.env?.PARTNER_TEST_WORKSPACE, workspace, 'the folder it opens is the suite workspace');
  });

  it('each preLaunchTask exists in tasks.json, and so does everything it depends on and runs', () => {
    for (const config of launch.configurations) {
      assert.ok(config.preLaunchTask && labels.has(config.preLaunchTask), `${config.name}: ${config.preLaunchTask}`);
    }
    const seen = new Set<string>();
    const visit = (label: string) => {
      const task = tasks.find((t) => t.label === label)!;
      assert.ok(task, `task ${label}`);
      seen.add(label);
      for (const dep of task.dependsOn ?? []) {
        visit(dep);
      }
      if (task.type === 'npm') {
        assert.ok(manifest.scripts[task.script!], `npm run ${task.script}`);
      }
      for (const a of task.args ?? []) {
        if (/\.m?js$/.test(a)) {
          assert.ok(existsSync(join(ROOT, a)), `${label} runs ${a}`);
        }
      }
    };
    for (const config of launch.configurations) {
      visit(config.preLaunchTask!);
    }
    // F5 waits for the watch build and the emulator: both are background tasks with a matcher that says when they are ready.
    for (const label of ['watch', 'emulator']) {
      const task = tasks.find((t) => t.label === label)!;
      assert.ok(seen.has(label) && task.isBackground, `${label} runs in the background before Run Extension`);
      assert.ok((task.problemMatcher as { background?: { endsPattern?: string } }).background?.endsPattern);
    }
    assert.equal(tasks.find((t) => t.label === 'watch')?.script, 'watch');
  });

  it('the watch task knows when a build ends: its patterns match what scripts/build.mjs --watch prints', () => {
    const matcher = tasks.find((t) => t.label === 'watch')!.problemMatcher as {
      pattern: { regexp: string };
      background: { beginsPattern: string; endsPattern: string };
    };
    const build = text('scripts/build.mjs');
    for (const printed of ['watching…', 'rebuilt dist/']) {
      assert.ok(build.includes(`'${printed}'`), printed);
      assert.match(printed, new RegExp(matcher.background.endsPattern));
    }
    assert.ok(build.includes("console.log('rebuilding dist/…')"));
    assert.match('rebuilding dist/…', new RegExp(matcher.background.beginsPattern));
    const error = new RegExp(matcher.pattern.regexp).exec('src/main.ts:3:20: ERROR: Could not resolve "./foo"');
    assert.deepEqual(error?.slice(1), ['src/main.ts', '3', '20', 'ERROR', 'Could not resolve "./foo"']);
  });

  it('recommends ESLint and Prettier, has an .editorconfig, and none of it is ignored by git or shipped', () => {
    const { recommendations } = jsonc('.vscode/extensions.json') as { recommendations: string[] };
    assert.deepEqual([...recommendations].sort(), ['dbaeumer.vscode-eslint', 'esbenp.prettier-vscode']);
    assert.match(text('.editorconfig'), /indent_size = 2/);
    const gitignore = text('.gitignore')
      .split('\n')
      .map((l) => l.trim());
    assert.ok(!gitignore.some((l) => /^\/?\.vscode\/?(\*\*?)?$/.test(l)), '.gitignore keeps .vscode/');
    // .vscodeignore leaves everything out ("**") but what it names with "!".
    const vscodeignore = text('.vscodeignore').split('\n').filter(Boolean);
    assert.equal(vscodeignore[0], '**');
    const shipped = vscodeignore
      .filter((l) => l.startsWith('!'))
      .map(
        (l) =>
          new RegExp(
            `^${l
              .slice(1)
              .replace(/\./g, '\\.')
              .replace(/\*\*/g, '.*')
              .replace(/(?<!\.)\*/g, '[^/]*')}$`,
          ),
      );
    for (const file of [
      '.vscode/launch.json',
      '.vscode/tasks.json',
      'CONTRIBUTING.md',
      '.editorconfig',
      'docs/architecture.md',
    ]) {
      assert.ok(!shipped.some((re) => re.test(file)), `${file} stays out of the .vsix`);
    }
    assert.ok(shipped.some((re) => re.test('README.md')) && shipped.some((re) => re.test('CHANGELOG.md')));
  });
});
