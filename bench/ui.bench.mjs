// The benchmark's UI figures, in the headless VS Code with the packaged .vsix:
// activation as VS Code itself measures it (Running Extensions: code loading +
// activate()), median over several window reloads, and the message-status webview
// with 5,000 recipients (first paint after the data arrives, sort, filter).
// Prints one JSON line.
import { launchChromium, startPackagedWorkbench } from '../scripts/headlessVSCode.mjs';
import { commandPalette, openMessageStatus, pickItem } from '../scripts/workbenchDriver.mjs';

const RELOADS = Number(process.env.PARTNER_BENCH_RELOADS || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cleanups = [];
const result = {};

const FIND_COUNT = 10_000;
const FIND_LATENCY_MS = 50;
const PARALLEL = 6;

/**
 * Find Sub-account… over 10,000 sub-accounts at 50 ms latency, Sub-accounts expanded
 * in the tree: from the command to the moment the last sub-account can be picked,
 * beside a bare fetch of the same pages with the same bound from this process.
 */
async function findOverTenThousand(page, emulator) {
  const control = (action, body) =>
    fetch(`${emulator.url}/__emulator/${action}`, { method: 'POST', body: JSON.stringify(body) });
  await control('subaccounts', { service: 'sms', count: FIND_COUNT });
  await commandPalette(page, 'View: Show Partner');
  await commandPalette(page, 'Partner: Refresh');
  const tree = page.locator('.part.sidebar .pane-body .monaco-list').first();
  await tree.locator('.monaco-list-row', { hasText: 'Sub-accounts (10,000)' }).waitFor({ timeout: 30_000 });
  const group = tree.locator('.monaco-list-row[aria-expanded="false"]', { hasText: 'Sub-accounts (10,000)' });
  if (await group.count()) await group.click();
  await tree.locator('.monaco-list-row', { hasText: 'Load more…' }).first().waitFor({ timeout: 30_000 });
  await control('latency', { ms: FIND_LATENCY_MS });
  const pages = Math.ceil(FIND_COUNT / 20);
  let next = 1;
  const bareStart = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next <= pages) {
        const n = next++;
        await fetch(`${emulator.sms.apiUrl}/subaccount/list?_format=json&page=${n}&apiKey=${emulator.sms.apiKey}`).then(
          (r) => r.text(),
        );
      }
    }),
  );
  const bareMs = performance.now() - bareStart;
  const last = `smstok${String(FIND_COUNT).padStart(5, '0')}`;
  const started = performance.now();
  await commandPalette(page, 'Partner: Find Sub-account…');
  await pickItem(page, 'agence.durand@exemple.fr').click();
  const input = page.locator('.quick-input-widget input');
  await input.fill(last);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: last }).first().waitFor({ timeout: 120_000 });
  const findMs = performance.now() - started;
  await page.keyboard.press('Escape');
  await control('latency', { ms: 0 });
  return {
    subaccounts: FIND_COUNT,
    pages,
    latencyMs: FIND_LATENCY_MS,
    findMs,
    bareFetchMs: bareMs,
    ratio: findMs / bareMs,
  };
}

try {
  const { url, emulator } = await startPackagedWorkbench({
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

  result.find = await findOverTenThousand(page, emulator);

  const frame = await openMessageStatus(page, 'newsletter@exemple.fr', 'Mail Partner', '5000');
  const app = frame.locator('#app');
  await frame.waitForFunction(() => document.getElementById('app')?.dataset.firstPaintMs !== undefined, null, {
    timeout: 20_000,
  });
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
  result.webview = {
    rows: 5000,
    renderedRows: rows,
    firstPaintMs,
    sortMs: Math.max(...sorts),
    filterMs: Math.max(...filters),
  };
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
