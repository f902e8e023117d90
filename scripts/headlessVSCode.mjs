// Starts the emulator, a headless VS Code (code-server) and Chromium, and gives
// back handles to them; used by the integration launcher and the demo.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

// Popups allowed: `vscode.env.openExternal` in code-server is a window.open without a click.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-popup-blocking',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `out/test/emulator/cli.js`; resolves with its URLs and keys. It dies with its parent (stdin). */
export function startEmulator(args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'out/test/emulator/cli.js'), '--stdin', '--lifetime', '7200', ...args],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n')) {
        child.stdout.off('data', onData);
        try {
          resolve({ ...JSON.parse(line), process: child, stop: () => child.kill('SIGTERM') });
        } catch {
          reject(new Error(`emulator printed: ${line}`));
        }
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

/**
 * Starts code-server on 127.0.0.1 with throw-away user data and extension folders,
 * the given settings and environment. Resolves once it answers HTTP.
 */
export async function startCodeServer({
  entryPoint,
  workspace,
  settings = {},
  env = {},
  port,
  log = () => {},
  extensionsDir,
  extraArgs = [],
  locale,
}) {
  const base = mkdtempSync(join(tmpdir(), 'partner-vscode-'));
  const userData = join(base, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(join(userData, 'Machine'), { recursive: true });
  if (locale === 'fr') {
    // VS Code resolves a UI language only when a language pack for it is registered in
    // languagepacks.json; Microsoft's pack cannot be downloaded here, so a stand-in with
    // no core translations is registered. The workbench then runs with env.language 'fr'.
    const translations = join(root, 'test', 'fixtures', 'language-pack-fr', 'translations', 'main.i18n.json');
    writeFileSync(
      join(userData, 'languagepacks.json'),
      JSON.stringify({
        fr: {
          hash: 'partner-explorer-test-fr',
          label: 'Français',
          extensions: [{ extensionIdentifier: { id: 'partner-tools.test-language-pack-fr' }, version: '0.0.0' }],
          translations: { vscode: translations },
        },
      }),
    );
    extraArgs = [...extraArgs, '--locale', 'fr'];
  }
  const allSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    ...settings,
  };
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(allSettings, null, 2));
  writeFileSync(join(userData, 'Machine', 'settings.json'), JSON.stringify(allSettings, null, 2));
  const config = join(base, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  port ??= await freePort();
  const args = [
    entryPoint,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir ?? join(base, 'extensions'),
    ...extraArgs,
    workspace,
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(base, 'xdg'),
      XDG_DATA_HOME: join(base, 'xdg-data'),
      // No marketplace: this machine reaches no gallery, and tests must not try.
      EXTENSIONS_GALLERY: JSON.stringify({
        serviceUrl: 'http://127.0.0.1:9/gallery',
        itemUrl: 'http://127.0.0.1:9/items',
      }),
      ...env,
    },
    detached: true,
  });
  child.stdout.on('data', (d) => log(d.toString()));
  child.stderr.on('data', (d) => log(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('code-server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    userData,
    base,
    process: child,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Installs a packaged .vsix into an extensions folder with code-server's own CLI. */
export function installVsix(entryPoint, vsix, extensionsDir) {
  const r = spawnSync(
    process.execPath,
    [entryPoint, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: join(tmpdir(), 'partner-cs-install') },
    },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stderr || r.stdout}`);
  return r.stdout.trim();
}

/**
 * The packaged .vsix installed in a headless VS Code pointed at a fresh emulator:
 * what the e2e test, the benchmark and the demo start from. `settings(emulator)`
 * and `env(emulator)` add to the defaults, `otherVsix` are installed beside it;
 * everything started is pushed onto `cleanups` (run them in reverse to stop).
 */
export async function startPackagedWorkbench({
  cleanups,
  settings = () => ({}),
  env = () => ({}),
  emulatorArgs = [],
  port,
  prefix = 'partner-',
  extraArgs = [],
  locale,
  otherVsix = [],
}) {
  const { ensureVSCode } = await import('./install-vscode.mjs');
  // This version's package: a .vsix of an earlier version may still lie in the folder.
  const vsix = `partner-explorer-${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}.vsix`;
  if (!existsSync(join(root, vsix))) throw new Error(`no ${vsix}: run \`npm run package\` first`);
  const entryPoint = ensureVSCode();
  const emulator = await startEmulator(emulatorArgs);
  cleanups.push(() => emulator.stop());
  const base = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  const extensionsDir = join(base, 'extensions');
  installVsix(entryPoint, join(root, vsix), extensionsDir);
  for (const other of otherVsix) installVsix(entryPoint, other, extensionsDir);
  const workspace = join(base, 'workspace');
  mkdirSync(workspace);
  const server = await startCodeServer({
    entryPoint,
    workspace,
    extensionsDir,
    port,
    settings: {
      'partnerExplorer.sms.apiUrl': emulator.sms.apiUrl,
      'partnerExplorer.mail.apiUrl': emulator.mail.apiUrl,
      ...settings(emulator),
    },
    env: { SMSPARTNER_API_KEY: '', MAILPARTNER_API_KEY: '', ...env(emulator) },
    extraArgs,
    locale,
  });
  cleanups.push(() => server.stop());
  return { vsix, emulator, server, workspace, url: `${server.url}/?folder=${encodeURIComponent(workspace)}` };
}
