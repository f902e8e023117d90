// Issue 14, section 2: write a message in an .sms document, see its count in the status bar,
// fix a typographic quote with the quick fix, see the diagnostic go; sendTest.mjs then sends
// this very document in sandbox and lands in the live panel. Screenshots: sms-length, sms-quick-fix.

export async function journey(t) {
  const { page, check, expect, shot, commandPalette } = t;
  const status = page.locator('.statusbar-item', { hasText: /\d+ SMS · \d+\/\d+ · GSM/ });

  await check('an .sms document: the count in the status bar, a quote fixed by the quick fix', async () => {
    await page.locator('.statusbar-item', { hasText: '269,082' }).first().waitFor({ timeout: 30_000 });
    await commandPalette('File: New Untitled Text File');
    await page.locator('.editor-instance .monaco-editor textarea').first().waitFor();
    await commandPalette('Change Language Mode');
    await page.locator('.quick-input-widget input').fill('SMS');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SMS' }).first().click();
    await page.locator('.statusbar-item', { hasText: 'SMS' }).first().waitFor();
    await page.keyboard.type('L’offre de la semaine : -20 % sur tout le magasin, samedi de 9 h à 19 h.');
    // 72 characters; ’ is sent as ' (one unit).
    await page.locator('.statusbar-item', { hasText: '1 SMS · 72/160 · GSM' }).first().waitFor({ timeout: 10_000 });
    // The diagnostic on ’, then its quick fix from the light bulb's menu.
    await page.locator('.squiggly-info, .squiggly-warning').first().waitFor({ timeout: 10_000 });
    await shot('sms-length');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Replace ’ with '" });
    await fix.first().waitFor({ timeout: 10_000 });
    await shot('sms-quick-fix');
    // The fix is the focused row of the light bulb's menu (a click is caught by its pointer block).
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: "L'offre de la semaine" }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('End');
    await page.waitForFunction(
      () => document.querySelectorAll('.squiggly-info, .squiggly-warning').length === 0,
      null,
      {
        timeout: 10_000,
      },
    );
    // The count follows the selection after a debounce: End has just collapsed the fixed
    // character's selection, so wait for the whole document's count rather than read it once.
    const counted = await page
      .locator('.statusbar-item', { hasText: '1 SMS · 72/160 · GSM' })
      .first()
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    const after = await status.first().innerText();
    expect(counted && /1 SMS · 72\/160 · GSM/.test(after), `status bar after the fix: ${after}`);
  });
  // The document stays open: the next journey (sendTest.mjs) sends it in sandbox.
}
