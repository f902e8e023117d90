// `npm test`: everything, from a clean clone. Installs the project's dependencies when
// they are missing or stale, then type-checks, runs the unit tests and the integration
// suite inside a real (headless) VS Code. Uses only Node built-ins until `npm ci` ran.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status ?? r.signal}) after ${seconds} s`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function dependenciesStale() {
  const marker = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

const only = process.argv[2];
if (dependenciesStale()) {
  run('install dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
}
const steps = {
  typecheck: () => run('type-check', npm, ['run', '--silent', 'typecheck']),
  lint: () => run('lint (ESLint, no warnings allowed)', npm, ['run', '--silent', 'lint']),
  format: () => run('format (Prettier, print width 120)', npm, ['run', '--silent', 'format:check']),
  unit: () => run('unit tests (mocha, API client against the emulator)', npm, ['run', '--silent', 'test:unit']),
  faults: () =>
    run('fault-and-abuse run (every fault and bad input against the emulator)', npm, [
      'run',
      '--silent',
      'test:faults',
    ]),
  integration: () =>
    run('integration tests (inside a headless VS Code)', process.execPath, ['scripts/run-integration.mjs']),
  e2e: () => run('end-to-end UI test (Playwright drives the packaged .vsix)', npm, ['run', '--silent', 'test:e2e']),
};
for (const [name, step] of Object.entries(steps)) {
  if (!only || only === name) {
    step();
  }
}
console.log('\nAll test steps passed.');
