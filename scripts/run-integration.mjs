// Runs the integration suite inside a real VS Code extension host: code-server's
// Node extension host, driven from headless Chromium the way VS Code's own browser
// integration tests are. Prints mocha's output, exits with the suite's status, and
// always stops what it started. On failure it saves a screenshot and the logs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, root, startCodeServer, startEmulator } from './headlessVSCode.mjs';
import { ensureVSCode } from './install-vscode.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.PARTNER_SUITE_TIMEOUT_MS || 20 * 60_000);
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
// --suite DIR runs another compiled suite in the same host (the benchmark);
// --copy FILE copies that file from the test workspace out (its results).
const suiteDir = argValue('--suite') && join(root, argValue('--suite'));
const copyOut = argValue('--copy');
const resultsDir = join(root, 'test-results');
const cleanups = [];
let exitCode = 1;

function step(message) {
  console.log(`[integration] ${message}`);
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--tests'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  const entryPoint = ensureVSCode();
  const version = spawnSync(process.execPath, [entryPoint, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: join(tmpdir(), 'partner-cs-version') },
  })
    .stdout.trim()
    .split('\n')
    .pop();
  step(`VS Code host: code-server ${version}`);

  const emulator = await startEmulator();
  cleanups.push(() => emulator.stop());
  step(`emulator on ${emulator.url}`);

  const workspace = mkdtempSync(join(tmpdir(), 'partner-workspace-'));
  cleanups.push(() => rmSync(workspace, { recursive: true, force: true }));
  writeFileSync(join(workspace, 'README.md'), '# Partner Explorer integration workspace\n');

  const serverLog = [];
  const server = await startCodeServer({
    entryPoint,
    workspace,
    env: {
      PARTNER_EMULATOR_URL: emulator.url,
      PARTNER_TEST_WORKSPACE: workspace,
      SMSPARTNER_API_KEY: '',
      MAILPARTNER_API_KEY: '',
      ...(suiteDir ? { PARTNER_SUITE_DIR: suiteDir } : {}),
    },
    log: (line) => serverLog.push(line),
    // PARTNER_TEST_LOCALE=fr runs the host with VS Code's display language in French.
    locale: process.env.PARTNER_TEST_LOCALE || undefined,
  });
  cleanups.push(() => server.stop());
  step(`code-server on ${server.url}`);

  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root.replace(/\/$/, ''))],
    ['extensionTestsPath', remote(join(root, 'out/test/integration/index.js'))],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  // The extension's clipboard goes through the browser's: let the tests use it.
  const browserContext = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await browserContext.newPage();
  const hostLog = [];
  // Pages the extension opens with openExternal (Open in Dashboard) load in this browser.
  browserContext.on(
    'page',
    (p) =>
      void p.waitForLoadState().then(
        () => hostLog.push(`[browser] opened ${p.url()}`),
        () => undefined,
      ),
  );
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? args.map(String).join(' ') : String(args);
    hostLog.push(`[${type}] ${text}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('console', (m) => {
    const text = m.text();
    // The extension host's console is forwarded here: mocha's report among it.
    if (text.includes('[Extension Host]')) {
      const clean = text
        .replace(/^.*?\[Extension Host\]\s?/, '')
        .replace(/%c/g, '')
        .replace(/ color: [^;]+;?/g, '');
      hostLog.push(clean);
    }
  });
  step('opening the workbench; the suite runs in the extension host');
  await page.goto(url);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS));
  const outcome = await Promise.race([exited, timeout]);
  const reportFile = join(workspace, 'mocha-report.txt');
  if (existsSync(reportFile)) {
    process.stdout.write(`\n${(await import('node:fs')).readFileSync(reportFile, 'utf8')}\n`);
  }
  if (copyOut && existsSync(join(workspace, copyOut))) {
    cpSync(join(workspace, copyOut), join(root, 'bench', copyOut));
  }
  if (outcome === 'timeout') {
    step(`the suite did not finish within ${SUITE_TIMEOUT_MS / 60000} min`);
    exitCode = 1;
  } else {
    exitCode = outcome;
  }
  if (process.env.PARTNER_DEBUG) {
    console.log(hostLog.join('\n'));
    console.log(serverLog.join(''));
  }
  if (exitCode !== 0) {
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'integration-failure.png') }).catch(() => undefined);
    writeFileSync(join(resultsDir, 'extension-host.log'), hostLog.join('\n'));
    writeFileSync(join(resultsDir, 'code-server.log'), serverLog.join(''));
    const logs = join(server.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(resultsDir, 'vscode-logs'), { recursive: true });
    step(`failed: screenshot and logs saved in ${resultsDir}`);
  }
}

async function cleanup() {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch {
      // keep cleaning up
    }
  }
}

process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));

try {
  await main();
} catch (err) {
  console.error(`[integration] ${err instanceof Error ? err.stack : String(err)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
