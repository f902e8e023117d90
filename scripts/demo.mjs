// `npm run demo`: the extension working against the local emulator, from a clean
// clone. Installs what it needs, starts the emulator with sample data, then opens
// desktop VS Code when `code` is on the PATH, or serves the headless VS Code on
// 127.0.0.1 and prints its URL. Sample keys are pre-set; Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => {
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
};
if (!existsSync(join(root, 'node_modules/.package-lock.json'))) run(['ci', '--no-audit', '--no-fund']);
run(['run', '--silent', 'package']);
spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--tests'], { stdio: 'inherit' });

const { installVsix, startCodeServer, startEmulator, freePort } = await import('./headlessVSCode.mjs');
const { ensureVSCode } = await import('./install-vscode.mjs');

const emulator = await startEmulator(['--latency', '120', '--subaccounts', '137']);
const base = mkdtempSync(join(tmpdir(), 'partner-demo-'));
const workspace = join(base, 'workspace');
mkdirSync(workspace);
writeFileSync(join(workspace, 'README.md'), '# Partner Explorer demo\n\nOpen the Partner view in the activity bar. Try `Partner: Show Message Status…` with message ids 4242, 300, 777 or 5000.\n');
const settings = {
  'partnerExplorer.sms.apiUrl': emulator.sms.apiUrl,
  'partnerExplorer.mail.apiUrl': emulator.mail.apiUrl,
};
// Keys through the environment: they work even where secret storage does not persist.
const env = { SMSPARTNER_API_KEY: emulator.sms.apiKey, MAILPARTNER_API_KEY: emulator.mail.apiKey };
const stops = [() => emulator.stop(), () => rmSync(base, { recursive: true, force: true })];
const stop = async () => {
  for (const s of stops.reverse()) await Promise.resolve(s()).catch(() => undefined);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const vsix = readdirSync(root).find((f) => /^partner-explorer-.*\.vsix$/.test(f));
console.log(`\nEmulator: ${emulator.url}  (SMS key ${emulator.sms.apiKey}, Mail key ${emulator.mail.apiKey})`);
console.log('Sample message ids: 4242 (campaign), 300 (docs sample), 777 (all waiting), 666 (hostile text), 5000 (5,000 recipients)\n');

if (spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && !process.env.PARTNER_DEMO_HEADLESS) {
  const userData = join(base, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  console.log('Opening desktop VS Code with the extension (close the window, then Ctrl-C here).');
  const child = spawn('code', ['--new-window', '--wait', '--user-data-dir', userData, '--extensionDevelopmentPath', root, workspace], { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', stop);
} else {
  const entryPoint = ensureVSCode();
  const extensionsDir = join(base, 'extensions');
  installVsix(entryPoint, join(root, vsix), extensionsDir);
  const port = Number(process.env.PORT) || (await freePort());
  const server = await startCodeServer({ entryPoint, workspace, extensionsDir, settings, env, port });
  stops.push(() => server.stop());
  console.log(`Headless VS Code with Partner Explorer: ${server.url}/?folder=${encodeURIComponent(workspace)}`);
  console.log('Open it in a browser on this machine (it listens on 127.0.0.1 only). Ctrl-C stops everything.');
}
