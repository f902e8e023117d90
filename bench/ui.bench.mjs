// The benchmark's UI figures, in the headless VS Code with the packaged .vsix:
// activation as VS Code itself measures it (Running Extensions: code loading +
// activate()), median over several window reloads, and the message-status webview
// with 5,000 recipients (first paint after the data arrives, sort, filter).
// Prints one JSON line.
import { launchChromium, startPackagedWorkbench } from '../scripts/headlessVSCode.mjs';
import { commandPalette, openMessageStatus } from '../scripts/workbenchDriver.mjs';

const RELOADS = Number(process.env.PARTNER_BENCH_RELOADS || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cleanups = [];
const result = {};
try {
  const { url } = await startPackagedWorkbench({
    cleanups,
    prefix: 'partner-bench-',
    env: (emulator) => ({ SMSPARTNER_API_KEY: emulator.sms.apiKey, MAILPARTNER_API_KEY: emulator.mail.apiKey }),
  });
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);

  const activations = [];
  for (let i = 0; i < RELOADS; i++) {
    if (i > 0) await page.reload();
    await page.locator('.statusbar-item[aria-label*="SMS Partner"]').waitFor({ timeout: 60_000 });
    await commandPalette(page, 'Developer: Show Running Extensions');
    const row = page.locator('.monaco-list-row', { hasText: 'Partner Explorer' }).filter({ hasText: 'Activation' });
    await row.waitFor({ timeout: 20_000 });
    const text = await row.innerText();
    const ms = Number(/Activation: (\d+)ms/.exec(text)?.[1]);
    if (Number.isFinite(ms)) activations.push(ms);
    await page.keyboard.press('Escape');
  }
  result.activation = { medianMs: median(activations), samplesMs: activations };

  const frame = await openMessageStatus(page, 'Mail Partner', '5000');
  const app = frame.locator('#app');
  await frame.waitForFunction(() => document.getElementById('app')?.dataset.firstPaintMs !== undefined, null, { timeout: 20_000 });
  const firstPaintMs = Number(await app.getAttribute('data-first-paint-ms'));
  const sorts = [];
  for (const column of ['recipient', 'status', 'date', 'recipient']) {
    await frame.locator(`th.col-${column} button`).click();
    await frame.locator(`th.col-${column}[aria-sort="ascending"], th.col-${column}[aria-sort="descending"]`).waitFor();
    sorts.push(Number(await app.getAttribute('data-view-ms')));
  }
  const filters = [];
  for (const text of ['UNDELIV', 'alice', '']) {
    await frame.locator('input[type="search"]').fill(text);
    await frame.waitForTimeout(50);
    filters.push(Number(await app.getAttribute('data-view-ms')));
  }
  const rows = await frame.locator('table tbody tr:not(.spacer)').count();
  result.webview = { rows: 5000, renderedRows: rows, firstPaintMs, sortMs: Math.max(...sorts), filterMs: Math.max(...filters) };
  console.log(JSON.stringify(result));
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch {
      // keep cleaning up
    }
  }
}
