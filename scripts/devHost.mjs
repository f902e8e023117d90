// What F5 needs (.vscode/launch.json, .vscode/tasks.json), under .tmp/dev-host/:
//   node scripts/devHost.mjs emulator   the emulator with the demo's sample data on 127.0.0.1:PORT
//                                       (PARTNER_DEV_EMULATOR_PORT, 3765), and the development
//                                       host's own user settings pointing the extension at it
//   node scripts/devHost.mjs tests      the test bundles (out/) and an empty workspace for "Extension Tests"
// The development host gets a user-data folder of its own: your own VS Code settings and keys
// are never read or written.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const base = join(root, '.tmp/dev-host');
const port = Number(process.env.PARTNER_DEV_EMULATOR_PORT) || 3765;
const EMULATOR_ARGS = ['--port', String(port), '--latency', '120', '--subaccounts', '137', '--demo'];

function userSettings() {
  const user = join(base, 'user-data/User');
  mkdirSync(user, { recursive: true });
  const apiUrl = (service) => `http://127.0.0.1:${port}/${service}/v1`;
  const settings = { 'partnerExplorer.sms.apiUrl': apiUrl('sms'), 'partnerExplorer.mail.apiUrl': apiUrl('mail') };
  writeFileSync(join(user, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

async function emulator() {
  console.log('▶ building the emulator');
  const esbuild = await import('esbuild');
  const bundle = join(base, 'emulator.js');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/emulator/cli.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile: bundle,
    logLevel: 'warning',
  });
  userSettings();
  // The emulator prints one JSON line with its URLs once it listens: the task's end pattern.
  const child = spawn(process.execPath, [bundle, ...EMULATOR_ARGS], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function tests() {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--tests'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status || 1);
  // A fresh folder each time: the suite writes exports and settings into it.
  const workspace = join(base, 'test-workspace');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  mkdirSync(join(base, 'test-user-data'), { recursive: true });
}

const mode = process.argv[2];
if (mode === 'emulator') await emulator();
else if (mode === 'tests') tests();
else if (mode === 'settings') userSettings();
else if (mode !== undefined) {
  console.error('usage: node scripts/devHost.mjs emulator|tests|settings');
  process.exit(2);
}
