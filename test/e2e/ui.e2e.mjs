// Drives the real VS Code UI end to end with Playwright: installs the packaged
// .vsix into the headless VS Code, sets keys through the command palette, expands
// the tree, reads the status bar, opens the message-status webview and reads its
// table. Keeps a screenshot of each step in test-results/e2e/.
// Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, root, startPackagedWorkbench } from '../../scripts/headlessVSCode.mjs';
import * as drive from '../../scripts/workbenchDriver.mjs';
import { journeys } from './journeys/index.mjs';

const shots = join(root, 'test-results', 'e2e');
const results = [];
const cleanups = [];
let page;

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name, ok: false, err });
    console.log(
      `  ✖ ${name}\n      ${String(err && err.message ? err.message : err)
        .split('\n')
        .join('\n      ')}`,
    );
    await page?.screenshot({ path: join(shots, `failed-${results.length}.png`) }).catch(() => undefined);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

const commandPalette = (command) => drive.commandPalette(page, command);
const quickPickItems = () => drive.quickPickItems(page);
const findWebviewFrame = () => drive.findWebviewFrame(page);

async function main() {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const { vsix, emulator, url } = await startPackagedWorkbench({
    cleanups,
    prefix: 'partner-e2e-',
    // The demo's figures: the screenshots show each service its own (the README's picture).
    emulatorArgs: ['--demo'],
    settings: () => ({ 'workbench.colorTheme': process.env.PARTNER_E2E_THEME || 'Default Dark Modern' }),
  });
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor();
  console.log(`Partner Explorer UI, end to end (${vsix} in code-server)`);

  await check('the .vsix ships only the extension and carries no key', async () => {
    // One read of the archive: every entry's name and text.
    const listing = spawnSync(
      'python3',
      [
        '-c',
        'import sys,zipfile,json\nz=zipfile.ZipFile(sys.argv[1])\njson.dump({n: z.read(n).decode("utf8","replace") for n in z.namelist()}, sys.stdout)',
        join(root, vsix),
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(listing.status === 0, listing.stderr);
    /** @type {Record<string, string>} */
    const entries = JSON.parse(listing.stdout);
    const files = Object.keys(entries);
    const everything = Object.values(entries).join('\n');
    const unexpected = files.filter(
      (f) =>
        !/^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|package\.nls(\.fr)?\.json|README\.md|CHANGELOG\.md|LICENSE\.txt|dist\/(extension|workbench|xmlParser|nodeFetch)\.js(\.map)?|dist\/media\/[a-zA-Z]+\.js|media\/.+\.(css|svg|png|json|md)|l10n\/.+))$/i.test(
          f,
        ),
    );
    expect(unexpected.length === 0, `unexpected files: ${unexpected.join(', ')}`);
    // The parts loaded on first use are files of their own: a .vsix without one breaks only later.
    const missing = ['extension.js', 'workbench.js', 'xmlParser.js', 'nodeFetch.js']
      .map((f) => `extension/dist/${f}`)
      .filter((f) => !files.includes(f));
    expect(missing.length === 0, `missing files: ${missing.join(', ')}`);
    for (const secret of [emulator.sms.apiKey, emulator.mail.apiKey, 'subkey']) {
      expect(!everything.includes(secret), `the .vsix contains ${secret}`);
    }
    // No test scaffolding ships (the unit suite checks the test build has each marker).
    const { markers } = JSON.parse(readFileSync(join(root, 'test/fixtures/testScaffolding.json'), 'utf8'));
    const scripts = files
      .filter((f) => f.endsWith('.js'))
      .map((f) => entries[f])
      .join('\n');
    expect(scripts.length > 100_000, `only ${scripts.length} characters of scripts in the .vsix`);
    const shipped = markers.filter((m) => scripts.includes(m));
    expect(shipped.length === 0, `test scaffolding in the .vsix: ${shipped.join(', ')}`);
  });

  await check('the Partner view shows its welcome with an Add Account button', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Partner"]').click();
    await page
      .locator('.welcome-view-content', { hasText: 'Connect your SMS Partner or Mail Partner account' })
      .waitFor({ timeout: 20_000 });
    await shot('01-welcome');
  });

  for (const [service, key, username] of [
    ['SMS Partner', emulator.sms.apiKey, 'agence.durand@exemple.fr'],
    ['Mail Partner', emulator.mail.apiKey, 'newsletter@exemple.fr'],
  ]) {
    await check(`Add Account… offers exactly SMS Partner and Mail Partner, then saves the ${service} key`, async () => {
      await commandPalette('Partner: Add Account…');
      const items = await quickPickItems();
      expect(
        JSON.stringify(items) === JSON.stringify(['SMS Partner', 'Mail Partner']),
        `items: ${JSON.stringify(items)}`,
      );
      if (service === 'SMS Partner') await shot('02-pick-service');
      await drive.pickItem(page, service).click();
      const input = page.locator('.quick-input-widget input[type="password"]');
      await input.waitFor();
      await input.fill(key);
      if (service === 'SMS Partner') await shot('03-key-input');
      await page.keyboard.press('Enter');
      // The key was checked and stored: the account appears, named after its username.
      await page.locator('.pane-body .monaco-list-row', { hasText: username }).waitFor({ timeout: 20_000 });
    });
  }

  // Before anything expanded Sub-accounts: searching before browsing is when people reach for Find.
  for (const [how, service, token, email] of [
    ["the view's title button", 'newsletter@exemple.fr', 'mailtok00030', 'gaelle.30@client-mail.example'],
    ['the Command Palette', 'agence.durand@exemple.fr', 'smstok00033', 'jules.33@client-sms.example'],
  ]) {
    await check(
      `first use of Find Sub-account… from ${how} (${service}, Sub-accounts collapsed) stays open and reveals the pick`,
      async () => {
        const tree = page.locator('.pane-body .monaco-list').first();
        const group = tree.locator('.monaco-list-row[aria-expanded="false"]', { hasText: 'Sub-accounts' });
        expect((await group.count()) >= 1, 'a collapsed Sub-accounts node');
        if (how === 'the Command Palette') await commandPalette('Partner: Find Sub-account…');
        // With one view in the container, its title actions sit in the sidebar's title bar.
        else
          await page
            .locator('.part.sidebar .action-label[aria-label^="Find Sub-account"] >> visible=true')
            .first()
            .click();
        await drive.pickItem(page, service).click();
        const input = page.locator('.quick-input-widget input');
        await input.waitFor();
        // The search must still be open once every page has arrived.
        await page.waitForTimeout(1500);
        expect(await input.isVisible(), 'the search closed by itself');
        await input.fill(token);
        await drive.pickItem(page, email).waitFor({ timeout: 20_000 });
        await page.keyboard.press('Enter');
        await tree.locator('.monaco-list-row.selected', { hasText: email }).waitFor({ timeout: 10_000 });
        // Back as it was (the tree has focus on the pick): up to Sub-accounts, collapse it, go to the top.
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Home');
      },
    );
  }

  await check('the tree shows credits and pages through sub-accounts', async () => {
    const tree = page.locator('.pane-body .monaco-list').first();
    await tree.locator('.monaco-list-row', { hasText: 'Sub-accounts (45)' }).waitFor({ timeout: 20_000 });
    const text = await tree.innerText();
    expect(text.includes('agence.durand@exemple.fr'), 'username shown');
    expect(/SMS\s*269,082/.test(text), `SMS count in: ${text}`);
    // Find above may have expanded it already.
    const group = tree.locator('.monaco-list-row[aria-expanded="false"]', { hasText: 'Sub-accounts (45)' });
    if (await group.count()) await group.click();
    await tree.locator('.monaco-list-row', { hasText: 'Load more… (25 remaining)' }).waitFor({ timeout: 20_000 });
    await shot('04-tree');
    await tree.locator('.monaco-list-row', { hasText: 'Load more… (25 remaining)' }).click();
    await tree.locator('.monaco-list-row', { hasText: 'jules.21@client-sms.example' }).waitFor({ timeout: 20_000 });
    // Keyboard only from here: the list is virtualised, End scrolls to the last row.
    await page.keyboard.press('End');
    await tree.locator('.monaco-list-row', { hasText: 'Load more… (5 remaining)' }).waitFor({ timeout: 20_000 });
    await tree.locator('.monaco-list-row', { hasText: 'Load more… (5 remaining)' }).click();
    // The last page arrives, then End brings the end of the list into view.
    const last = tree.locator('.monaco-list-row', { hasText: 'jules.45@client-sms.example' });
    for (let i = 0; !(await last.isVisible()); i++) {
      expect(i < 40, 'the 45th sub-account never appeared');
      await page.keyboard.press('End');
      await page.waitForTimeout(250);
    }
    expect(
      (await tree.locator('.monaco-list-row', { hasText: 'Load more' }).count()) === 0,
      'no Load more once all 45 are loaded',
    );
  });

  await check(
    'Add Credit… asks for an amount, confirms both balances in a dialog, then shows the new balance',
    async () => {
      const tree = page.locator('.pane-body .monaco-list').first();
      const row = tree.locator('.monaco-list-row', { hasText: 'jules.45@client-sms.example' });
      await drive.treeContextAction(page, row, 'Add Credit…');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('0');
      await page.locator('.quick-input-message', { hasText: 'The amount must be greater than 0.' }).waitFor();
      await input.fill('5');
      await page.keyboard.press('Enter');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      const text = await dialog.innerText();
      expect(text.includes('Add €5.00 to jules.45@client-sms.example?'), `dialog: ${text}`);
      expect(text.includes('€106.355 → €111.355'), `dialog: ${text}`);
      await shot('08-add-credit-confirmation');
      await dialog.locator('.monaco-button', { hasText: 'Add €5.00' }).click();
      await tree
        .locator('.monaco-list-row', { hasText: 'jules.45@client-sms.example' })
        .filter({ hasText: '€111.355' })
        .waitFor({ timeout: 20_000 });
    },
  );

  await check(
    'Find Sub-account… fills a QuickPick with every sub-account and reveals the pick in the tree',
    async () => {
      await commandPalette('Partner: Find Sub-account…');
      await drive.pickItem(page, 'agence.durand@exemple.fr').click();
      const input = page.locator('.quick-input-widget input');
      await input.fill('smstok00033');
      const item = drive.pickItem(page, 'jules.33@client-sms.example');
      await item.waitFor({ timeout: 20_000 });
      await page.keyboard.press('Enter');
      const tree = page.locator('.pane-body .monaco-list').first();
      await tree
        .locator('.monaco-list-row.selected', { hasText: 'jules.33@client-sms.example' })
        .waitFor({ timeout: 10_000 });
      await shot('09-find-subaccount');
    },
  );

  await check("the status bar shows each service's credit count", async () => {
    const item = page.locator('.statusbar-item[aria-label="SMS Partner: 269,082 credits"]');
    await item.waitFor({ timeout: 20_000 });
    await page.locator('.statusbar-item[aria-label="Mail Partner: 48,310 credits"]').waitFor({ timeout: 20_000 });
    await item.hover();
    await page.locator('.monaco-hover', { hasText: 'Credits · SMS Partner' }).waitFor({ timeout: 10_000 });
    await shot('05-status-bar');
  });

  await check('Show Message Status… opens the delivery table in a webview', async () => {
    await page.keyboard.press('Escape');
    await commandPalette('Partner: Show Message Status…');
    // Each account with its credits as the item's detail line.
    const items = (await quickPickItems()).filter((i) => !i.endsWith(' credits'));
    const accounts = ['agence.durand@exemple.fr', 'newsletter@exemple.fr'];
    expect(JSON.stringify(items) === JSON.stringify(accounts), `items: ${JSON.stringify(items)}`);
    await drive.pickItem(page, 'newsletter@exemple.fr').click();
    const input = page.locator('.quick-input-widget input');
    await input.fill('12x');
    await page.locator('.quick-input-message', { hasText: 'A message id has digits only.' }).waitFor();
    await input.fill('4242');
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'Message 4242 · Mail Partner' }).waitFor({ timeout: 20_000 });
    const frame = await findWebviewFrame();
    await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
    const heading = await frame.locator('h1').innerText();
    expect(heading === 'Message 4242 · Mail Partner', `heading: ${heading}`);
    const firstRow = await frame.locator('table tbody tr:not(.spacer)').first().innerText();
    expect(/@exemple\.fr/.test(firstRow), `first row: ${firstRow}`);
    const summary = await frame.locator('.summary').innerText();
    expect(summary.includes('Bounced-Soft'), `summary: ${summary}`);
    await shot('06-message-status');
    await frame.locator('th.col-status button').click();
    await frame.locator('th.col-status[aria-sort="ascending"]').waitFor();
    await frame.locator('input[type="search"]').fill('UNDELIV');
    const shown = await frame.locator('.counter').innerText();
    expect(/of 48 shown/.test(shown), `counter: ${shown}`);
    await shot('07-message-status-filtered');
    await frame.locator('button', { hasText: 'Copy as CSV' }).click();
    const csv = await waitForClipboard((text) => text.startsWith('Recipient,Status,Cost,Unsubscribed,Date'));
    expect(csv.trim().split('\r\n').length === 49, `CSV lines: ${csv.split('\r\n').length}`);
  });

  await check('Hide personal data masks the table and what is copied; Copy as Markdown gives a table', async () => {
    const frame = await findWebviewFrame();
    await frame.locator('input[type="search"]').fill('');
    const toggle = frame.locator('button', { hasText: 'Hide personal data' });
    await toggle.click();
    await frame.locator('button[aria-pressed="true"]', { hasText: 'Hide personal data' }).waitFor();
    const firstRow = await frame.locator('table tbody tr:not(.spacer)').first().innerText();
    expect(/^\S•••@e•••\.fr/.test(firstRow), `masked row: ${firstRow}`);
    await shot('10-hide-personal-data');
    await frame.locator('button', { hasText: 'Copy as Markdown' }).click();
    const md = await waitForClipboard((text) => text.startsWith('### Message 4242 · Mail Partner'));
    expect(
      md.includes('| Recipient | Status | Cost | Unsubscribed | Date |') && !/[a-z]+\.\d+@exemple/.test(md),
      `markdown: ${md.slice(0, 300)}`,
    );
    await toggle.click();
    await frame.locator('button[aria-pressed="false"]', { hasText: 'Hide personal data' }).waitFor();
  });

  await check('a new reading of the same message keeps the scroll position and the focused control', async () => {
    const frame = await findWebviewFrame(page, 20_000, 'h1:text("Message 4242")');
    const scroller = frame.locator('.table-scroll');
    await scroller.evaluate((e) => {
      e.scrollTop = 300;
      e.dataset.old = 'yes';
    });
    const before = await scroller.evaluate((e) => e.scrollTop);
    expect(before > 0, 'the table scrolls');
    await frame.locator('button', { hasText: 'Refresh' }).click();
    // The panel is drawn again from the new reading: a new scroller replaces the marked one.
    await frame.locator('.table-scroll:not([data-old])').waitFor({ timeout: 20_000 });
    const after = await frame.locator('.table-scroll').evaluate((e) => e.scrollTop);
    expect(after === before, `scrollTop ${before} → ${after}`);
    const focused = await frame.evaluate(() => document.activeElement?.textContent);
    expect(focused === 'Refresh', `focus on: ${focused}`);
  });

  await check('the lookup offers recent ids; a live message refreshes and shows what changed', async () => {
    await commandPalette('Partner: Show Message Status…');
    await drive.pickItem(page, 'newsletter@exemple.fr').click();
    await drive.pickItem(page, '4242').waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-widget input').fill('9000');
    await drive.pickItem(page, '9000').click();
    await page.locator('.tab', { hasText: 'Message 9000 · Mail Partner' }).waitFor({ timeout: 20_000 });
    const frame = await findWebviewFrame(page, 20_000, 'h1:text("Message 9000")');
    await frame.locator('.tracking', { hasText: 'Live: next refresh at' }).waitFor({ timeout: 20_000 });
    await frame.locator('button', { hasText: 'Refresh' }).click();
    await frame.locator('.changes-title', { hasText: 'changed since' }).waitFor({ timeout: 20_000 });
    await frame.locator('tr.changed').first().waitFor();
    await shot('11-live-tracking');
  });

  await check('Browse as Sub-account… reads a message with the sub-account key', async () => {
    const tree = page.locator('.pane-body .monaco-list').first();
    // The activity-bar button toggles: click it only when the view is not already showing.
    if (!(await tree.isVisible()))
      await page.locator('.activitybar .action-item a[aria-label^="Partner"]').first().click();
    const row = tree.locator('.monaco-list-row', { hasText: 'jules.45@client-sms.example' });
    await drive.treeContextAction(page, row, 'Browse as Sub-account…');
    await page.locator('.quick-input-title', { hasText: 'jules.45@client-sms.example' }).waitFor({ timeout: 20_000 });
    await shot('12-browse-as-subaccount');
    // Rows with a codicon have the icon's name at the start of their accessible label.
    await page.locator('.quick-input-list .monaco-list-row[aria-label*="Look Up a Message Status"]').first().click();
    await page.locator('.quick-input-widget input').fill('8001');
    await page.keyboard.press('Enter');
    await page
      .locator('.tab', { hasText: 'Message 8001 · SMS Partner · jules.45@client-sms.example' })
      .waitFor({ timeout: 20_000 });
    const frame = await findWebviewFrame(page, 20_000, 'h1:text("Message 8001")');
    await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
  });

  await check('Show Credit History draws each service in a chart', async () => {
    await commandPalette('Partner: Show Credit History');
    // One chart per service with a key: SMS Partner and Mail Partner.
    // The panel redraws as readings arrive (and VS Code may swap its frame): read until stable.
    let titles = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(250)) {
      const frame = await findWebviewFrame(page, 20_000, 'section.series:nth-of-type(2) svg.chart circle.dot');
      titles = await frame
        .locator('section.series h2')
        .allInnerTexts()
        .catch(() => []);
      if (titles.length === 2) break;
    }
    expect(
      JSON.stringify(titles) === JSON.stringify(['SMS Partner', 'Mail Partner']),
      `charts: ${JSON.stringify(titles)}`,
    );
    await shot('13-credit-history');
  });

  await check(
    'several accounts: two more SMS and one more Mail account, grouped in the tree, listed in the status bar, each with its own lookups',
    async () => {
      const tree = page.locator('.pane-body .monaco-list').first();
      if (!(await tree.isVisible()))
        await page.locator('.activitybar .action-item a[aria-label^="Partner"]').first().click();
      await page.locator('.part.sidebar .action-label[aria-label^="Collapse All"] >> visible=true').first().click();
      // Sub-accounts' own keys: the emulator reads each as an account of its own.
      for (const [service, key, accounts] of [
        ['SMS Partner', 'sms-subkey-00001-9c4e', '2 accounts'],
        ['SMS Partner', 'sms-subkey-00002-9c4e', '3 accounts'],
        ['Mail Partner', 'mail-subkey-00003-9c4e', '2 accounts'],
      ]) {
        await commandPalette('Partner: Add Account…');
        await drive.pickItem(page, service).click();
        const input = page.locator('.quick-input-widget input[type="password"]');
        await input.waitFor();
        await input.fill(key);
        await page.keyboard.press('Enter');
        // Checked with /me, then saved: the service's group counts it.
        await tree
          .locator('.monaco-list-row', { hasText: service })
          .filter({ hasText: accounts })
          .waitFor({ timeout: 20_000 });
      }
      await tree.locator('.monaco-list-row', { hasText: 'SMS Partner' }).first().click();
      await tree.locator('.monaco-list-row', { hasText: 'chloe.2@client-sms.example' }).waitFor({ timeout: 20_000 });
      const item = page.locator('.statusbar-item[aria-label^="SMS Partner: 269,082 credits"]');
      await item.hover();
      const hover = page.locator('.monaco-hover', { hasText: 'Credits · SMS Partner' });
      await hover.waitFor({ timeout: 10_000 });
      const text = await hover.innerText();
      const names = ['agence.durand@exemple.fr', 'bruno.1@client-sms.example', 'chloe.2@client-sms.example'];
      expect(
        names.every((n) => text.includes(n)),
        `tooltip: ${text}`,
      );
      await shot('14-several-accounts');
      await page.keyboard.press('Escape');
      // A lookup as the second SMS account: its panel is titled with its name.
      await commandPalette('Partner: Show Message Status…');
      await drive.pickItem(page, 'bruno.1@client-sms.example').click();
      await page.locator('.quick-input-widget input').fill('8001');
      await page.keyboard.press('Enter');
      await page
        .locator('.tab', { hasText: 'Message 8001 · SMS Partner · bruno.1@client-sms.example' })
        .waitFor({ timeout: 20_000 });
      const frame = await findWebviewFrame(page, 20_000, 'h1:text("Message 8001")');
      await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
    },
  );

  await check('the Getting Started walkthrough lists its three steps', async () => {
    await commandPalette('Welcome: Open Walkthrough');
    await drive.pickItem(page, 'Get started with Partner Explorer').click();
    for (const step of ['Connect your account', 'See your credits and sub-accounts', 'Look up a message']) {
      await page.locator('.getting-started-step', { hasText: step }).first().waitFor({ timeout: 20_000 });
    }
    await shot('00-walkthrough');
    await page.keyboard.press('Control+W');
  });
}

// A second workbench whose UI language is French (see startCodeServer's `locale`),
// keys from the environment: what a French-speaking user sees.
async function french() {
  const { url } = await startPackagedWorkbench({
    cleanups,
    prefix: 'partner-e2e-fr-',
    locale: 'fr',
    settings: () => ({ 'workbench.colorTheme': process.env.PARTNER_E2E_THEME || 'Default Dark Modern' }),
    env: (emulator) => ({ SMSPARTNER_API_KEY: emulator.sms.apiKey, MAILPARTNER_API_KEY: emulator.mail.apiKey }),
  });
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' })).newPage();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  console.log('In French');

  await check('in French, the tree, the status bar and the message panel speak French', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Partner"]').first().click();
    // One view in the container: its header is hidden but still carries the French name.
    await page.locator('.pane-header[aria-label^="Comptes"]').first().waitFor({ state: 'attached', timeout: 20_000 });
    const tree = page.locator('.pane-body .monaco-list').first();
    const sub = tree.locator('.monaco-list-row', { hasText: 'Sous-comptes (45)' });
    await sub.first().waitFor({ timeout: 20_000 });
    await sub.first().click();
    await tree.locator('.monaco-list-row', { hasText: 'Charger plus' }).first().waitFor({ timeout: 20_000 });
    const text = await tree.innerText();
    expect(/269[\u202f\u00a0 ]082/.test(text), `French number format in: ${text}`);
    const status = page.locator('.statusbar-item[aria-label*="crédits"]');
    await status.first().waitFor({ timeout: 20_000 });
    await commandPalette('Partner: Afficher le statut');
    await drive.pickItem(page, 'agence.durand@exemple.fr').click();
    await page.locator('.quick-input-widget input').fill('4242');
    await page.keyboard.press('Enter');
    const frame = await findWebviewFrame();
    await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
    const headers = await frame.locator('thead').innerText();
    expect(/Destinataire/.test(headers) && /Statut/.test(headers), `table headers: ${headers}`);
    await shot('20-french');
  });
}

// A third workbench for the journeys of test/e2e/journeys/: English, keys from the environment,
// so each journey starts from one SMS and one Mail account whatever ran before it.
async function journeyRun() {
  if (journeys.length === 0) return;
  const { url, emulator } = await startPackagedWorkbench({
    cleanups,
    prefix: 'partner-e2e-journeys-',
    settings: () => ({ 'workbench.colorTheme': process.env.PARTNER_E2E_THEME || 'Default Dark Modern' }),
    env: (emulator) => ({ SMSPARTNER_API_KEY: emulator.sms.apiKey, MAILPARTNER_API_KEY: emulator.mail.apiKey }),
  });
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor();
  console.log('Journeys');
  const kit = {
    page,
    emulator,
    check,
    expect,
    shot,
    drive,
    commandPalette,
    quickPickItems,
    // (timeoutMs, selector), or (page, timeoutMs, selector) as drive's own: the frame holding `selector`.
    findWebviewFrame: (...args) =>
      drive.findWebviewFrame(page, ...(typeof args[0] === 'object' ? args.slice(1) : args)),
    waitForClipboard,
  };
  for (const journey of journeys) {
    await journey(kit);
  }
}

async function waitForClipboard(accept) {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
    if (accept(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`clipboard: ${text.slice(0, 80)}`);
}

let code = 1;
try {
  // PARTNER_E2E_ONLY=journeys runs the journeys alone (while working on one).
  if (process.env.PARTNER_E2E_ONLY !== 'journeys') {
    await main();
    await french();
  }
  await journeyRun();
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  console.log(`screenshots: ${shots}`);
  code = failed === 0 && results.length > 0 ? 0 : 1;
} catch (err) {
  console.error(err);
  await page?.screenshot({ path: join(shots, 'crash.png') }).catch(() => undefined);
} finally {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch {
      // keep cleaning up
    }
  }
}
process.exit(code);
