// `npm run demo`: the extension working against the local emulator, from a clean
// clone. Installs what it needs, starts the emulator with sample data, then opens
// desktop VS Code when `code` is on the PATH, or serves the headless VS Code on
// 127.0.0.1 and prints its URL. Sample keys are pre-set; Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const { startEmulator, startPackagedWorkbench, freePort } = await import('./headlessVSCode.mjs');

// --demo: the Mail account gets figures of its own (the provider's samples give both the same).
const emulatorArgs = ['--latency', '120', '--subaccounts', '137', '--demo'];
// Keys through the environment: they work even where secret storage does not persist.
const keysFrom = (emulator) => ({ SMSPARTNER_API_KEY: emulator.sms.apiKey, MAILPARTNER_API_KEY: emulator.mail.apiKey });
const cleanups = [];
const stop = async () => {
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const explain = (emulator) => {
  console.log(`\nEmulator: ${emulator.url}  (SMS key ${emulator.sms.apiKey}, Mail key ${emulator.mail.apiKey})`);
  console.log(
    'Sample message ids: 4242 (campaign), 300 (docs sample), 777 (all waiting), 666 (hostile text), 5000 (5,000 recipients)\n',
  );
};

if (
  spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 &&
  !process.env.PARTNER_DEMO_HEADLESS
) {
  const emulator = await startEmulator(emulatorArgs);
  cleanups.push(() => emulator.stop());
  const base = mkdtempSync(join(tmpdir(), 'partner-demo-'));
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  const userData = join(base, 'user-data');
  const workspace = join(base, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(workspace);
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      { 'partnerExplorer.sms.apiUrl': emulator.sms.apiUrl, 'partnerExplorer.mail.apiUrl': emulator.mail.apiUrl },
      null,
      2,
    ),
  );
  explain(emulator);
  console.log('Opening desktop VS Code with the extension (close the window, then Ctrl-C here).');
  const child = spawn(
    'code',
    ['--new-window', '--wait', '--user-data-dir', userData, '--extensionDevelopmentPath', root, workspace],
    { stdio: 'inherit', env: { ...process.env, ...keysFrom(emulator) } },
  );
  child.on('exit', stop);
} else {
  const port = Number(process.env.PORT) || (await freePort());
  const { emulator, url } = await startPackagedWorkbench({
    cleanups,
    emulatorArgs,
    env: keysFrom,
    port,
    prefix: 'partner-demo-',
  });
  explain(emulator);
  console.log(`Headless VS Code with Partner Explorer: ${url}`);
  console.log('Open it in a browser on this machine (it listens on 127.0.0.1 only). Ctrl-C stops everything.');
}
