// Sub-account administration: create a sub-account through the form and its confirmation,
// add credit to it with the existing Add Credit…, remove it (modal, then the e-mail typed
// again), and the Usage panel's twelve months. Screenshots: create-subaccount, usage.

const EMAIL = 'nouvelle.agence@exemple.fr';

/** The emulator's request log (its control API). */
async function requests(emulator) {
  const res = await fetch(`${emulator.url}/__emulator/requests`);
  return res.json();
}

export async function journey(t) {
  const { page, check, expect, shot, drive, commandPalette, findWebviewFrame } = t;
  const tree = page.locator('.pane-body .monaco-list').first();
  const input = page.locator('.quick-input-widget input');
  const row = () => tree.locator('.monaco-list-row', { hasText: EMAIL });

  await check(
    'Create Sub-account… validates as you type, confirms in a dialog, shows the new sub-account',
    async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Partner"]').click();
      await tree
        .locator('.monaco-list-row', { hasText: 'agence.durand@exemple.fr' })
        .first()
        .waitFor({ timeout: 20_000 });
      await drive.sideBarFocused(page);
      await commandPalette('Partner: Create Sub-account…');
      await drive.pickItem(page, 'agence.durand@exemple.fr').click();
      await drive.pickItem(page, 'Simple').click();
      await input.waitFor();
      await input.fill('agence@');
      await page
        .locator('.quick-input-message', { hasText: 'Enter an e-mail address such as name@example.com.' })
        .waitFor();
      await input.fill(EMAIL);
      await page.keyboard.press('Enter');
      // Credit (optional): 0 is refused as typed, then left empty.
      await page.locator('.quick-input-widget', { hasText: 'Credit in euros moved to it at creation' }).waitFor();
      await input.fill('0');
      await page.locator('.quick-input-message', { hasText: 'The amount must be greater than 0.' }).waitFor();
      await input.fill('');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Name of the sub-account' }).waitFor();
      await input.fill('Agence Est');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'First and last name of the holder' }).waitFor();
      await input.fill('Léa, Martin');
      await page.keyboard.press('Enter');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      const text = await dialog.innerText();
      expect(text.includes(`Create the SMS Partner sub-account ${EMAIL}?`), `dialog: ${text}`);
      expect(text.includes('Type: simple'), `dialog: ${text}`);
      expect(text.includes('Names: Agence Est · Léa · Martin'), `dialog: ${text}`);
      await shot('create-subaccount');
      await dialog.locator('.monaco-button', { hasText: 'Create' }).click();
      await page
        .locator('.notifications-toasts', { hasText: `Sub-account ${EMAIL} created.` })
        .waitFor({ timeout: 20_000 });
      const log = await requests(t.emulator);
      expect(log.filter((r) => r.endpoint === '/subaccount/create').length === 1, 'one creation request');
    },
  );

  await check('Find reaches the new sub-account; Add Credit… adds to it', async () => {
    await commandPalette('Partner: Find Sub-account…');
    await drive.pickItem(page, 'agence.durand@exemple.fr').click();
    await input.waitFor();
    await input.fill('nouvelle.agence');
    await drive.pickItem(page, EMAIL).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await tree.locator('.monaco-list-row.selected', { hasText: EMAIL }).waitFor({ timeout: 10_000 });
    await drive.treeContextAction(page, row(), 'Add Credit…');
    await input.waitFor();
    await input.fill('5');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.locator('.monaco-button', { hasText: 'Add €5.00' }).click();
    await row().filter({ hasText: '€5.00' }).waitFor({ timeout: 20_000 });
  });

  await check(
    'Remove Sub-account… names the e-mail and balance, asks to type the e-mail, then removes it',
    async () => {
      await drive.treeContextAction(page, row(), 'Remove Sub-account…');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      const text = await dialog.innerText();
      expect(text.includes(`Remove the SMS Partner sub-account ${EMAIL} (balance €5.00)?`), `dialog: ${text}`);
      await dialog.locator('.monaco-button', { hasText: 'Remove…' }).click();
      await input.waitFor();
      await input.fill(EMAIL.toUpperCase());
      await page.locator('.quick-input-message', { hasText: `Type ${EMAIL} exactly to confirm.` }).waitFor();
      await input.fill(EMAIL);
      await page.keyboard.press('Enter');
      await page
        .locator('.notifications-toasts', { hasText: `Sub-account ${EMAIL} removed.` })
        .waitFor({ timeout: 20_000 });
      await row().waitFor({ state: 'detached', timeout: 10_000 });
      const removes = (await requests(t.emulator)).filter((r) => r.endpoint === '/subaccount/remove');
      expect(removes.length === 1 && removes[0].method === 'DELETE', `removes: ${JSON.stringify(removes)}`);
    },
  );

  await check('Show Usage… draws twelve months of messages and cost as bars with a table', async () => {
    await commandPalette('Notifications: Clear All Notifications');
    await commandPalette('Partner: Show Usage…');
    // The panel may be re-created once while it loads: find its frame again if it goes.
    let frame;
    for (let attempt = 0; ; attempt++) {
      frame = await findWebviewFrame(page, 30_000, 'table.usage');
      try {
        await frame.locator('svg.chart rect.usage-bar').nth(11).waitFor({ timeout: 20_000 });
        break;
      } catch (err) {
        if (attempt === 2 || !/detached/.test(String(err))) throw err;
      }
    }
    const rows = await frame.locator('table.usage tbody tr').count();
    expect(rows === 13, `rows: ${rows}`);
    const meta = await frame.locator('p.meta').innerText();
    expect(/^Read at \d{2}:\d{2}/.test(meta), `meta: ${meta}`);
    await shot('usage');
  });
}
