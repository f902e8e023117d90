// Installs a real, headless VS Code (code-server from the npm registry) into
// .vscode-test/ for the integration tests, without downloading anything but npm
// packages: native modules are rebuilt here, ripgrep comes from Debian.
// Reused when already installed. Prints the code-server entry point on success.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const nodeMajor = Number(process.versions.node.split('.')[0]);
// code-server's install script accepts exactly one Node major per release line.
const VERSION_BY_NODE = { 20: '4.100.3', 22: '4.106.3' };
const version = process.env.PARTNER_CODE_SERVER_VERSION || VERSION_BY_NODE[nodeMajor];
const DEBIAN_PACKAGES = {
  'pkg-config': 'pkg-config',
  'krb5-config': 'libkrb5-dev',
  rg: 'ripgrep',
  chromium: 'chromium',
  // Copy as Code's PHP and Go snippets are parse-checked with these (test/unit/api/codeSnippets.test.ts).
  php: 'php-cli',
  gofmt: 'golang-go',
};

export const cacheDir = join(root, '.vscode-test', `code-server-${version}`);
export const codeServerDir = join(cacheDir, 'node_modules', 'code-server');
export const entryPoint = join(codeServerDir, 'out', 'node', 'entry.js');
const marker = join(cacheDir, '.installed');

function say(message) {
  process.stderr.write(`[install-vscode] ${message}\n`);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    ...options,
    env: {
      ...process.env,
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      ...(options.env || {}),
    },
  });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit ${r.status ?? r.signal}`);
  }
}

function link(target, path) {
  try {
    lstatSync(path);
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing there yet
  }
  symlinkSync(target, path);
}

export function ensureSystemPackages() {
  const missing = Object.entries(DEBIAN_PACKAGES)
    .filter(([command]) => !has(command))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    throw new Error(
      `missing system packages: ${missing.join(' ')}. Install them first, e.g.: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  say(`installing Debian packages: ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

export function ensureVSCode() {
  if (!version) {
    throw new Error(
      `no pinned code-server for Node ${process.versions.node}; use Node 20 or 22, or set PARTNER_CODE_SERVER_VERSION`,
    );
  }
  ensureSystemPackages();
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === version && existsSync(entryPoint)) {
    return entryPoint;
  }
  say(`installing code-server ${version} into ${cacheDir} (once; reused afterwards)`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(
    join(cacheDir, 'package.json'),
    JSON.stringify({ name: 'partner-explorer-vscode-test', private: true }),
  );
  // Its install script refuses root and downloads ripgrep: do its steps by hand instead.
  run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${version}`], { cwd: cacheDir });
  const vscodeDir = join(codeServerDir, 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir });
  run(
    'npm',
    ['rebuild', 'kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', '@vscode/deviceid', 'native-watchdog'],
    { cwd: vscodeDir },
  );
  run('npm', ['rebuild', 'argon2'], { cwd: cacheDir });
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  link(execFileSync('sh', ['-c', 'command -v rg']).toString().trim(), join(rgDir, 'rg'));
  link('node_modules', join(vscodeDir, 'node_modules.asar'));
  link('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: join(vscodeDir, 'extensions') });
  const check = spawnSync(process.execPath, [entryPoint, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: join(cacheDir, 'config') },
  });
  if (check.status !== 0) {
    throw new Error(`code-server does not start: ${check.stderr || check.stdout}`);
  }
  say(`installed: ${check.stdout.trim().split('\n').pop()}`);
  writeFileSync(marker, version);
  return entryPoint;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureVSCode());
  } catch (err) {
    say(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
