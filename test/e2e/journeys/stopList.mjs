// Issue 15 (STOP list) and issue 14 §4: add a number to the STOP list, check it (on the list),
// remove it through its dialog. Screenshots: check-number, stop-list.

const NUMBER = '+33612345678';

export async function journey(t) {
  const { page, check, expect, shot, commandPalette } = t;
  const tree = page.locator('.pane-body .monaco-list').first();
  const input = page.locator('.quick-input-widget input');
  const dialog = page.locator('.monaco-dialog-box');

  await check('STOP list: add a number, Check Phone Number says it is on the list, remove it', async () => {
    const stopRow = tree.locator('.monaco-list-row', { hasText: 'STOP list' }).first();
    // The Partner icon toggles its side bar: click it only when the tree is not showing.
    if (!(await stopRow.isVisible())) {
      await page.locator('.activitybar .action-item a[aria-label^="Partner"]').click();
    }
    await stopRow.waitFor({ timeout: 20_000 });
    await stopRow.click();
    await tree.locator('.monaco-list-row', { hasText: 'STOP list (50+)' }).first().waitFor({ timeout: 20_000 });

    await commandPalette('Partner: Add to STOP List…');
    await input.fill('06 12');
    await page.locator('.quick-input-message', { hasText: 'international format' }).waitFor();
    await input.fill(NUMBER);
    await page.keyboard.press('Enter');
    await page
      .locator('.notifications-toasts', { hasText: `${NUMBER} is on the STOP list` })
      .waitFor({ timeout: 20_000 });

    await commandPalette('Partner: Check Phone Number…');
    await input.fill(NUMBER);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ timeout: 20_000 });
    const answer = await dialog.innerText();
    expect(answer.includes(`${NUMBER} is a valid number.`), `answer: ${answer}`);
    expect(/On the STOP list since/.test(answer), `answer: ${answer}`);
    await shot('check-number');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();

    await commandPalette('Partner: Remove from STOP List…');
    await input.fill(NUMBER);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: NUMBER }).first().click();
    await dialog.waitFor({ timeout: 10_000 });
    const question = await dialog.innerText();
    expect(question.includes('they will receive your messages again'), `dialog: ${question}`);
    await dialog.locator('.monaco-button', { hasText: 'Remove' }).click();
    await page
      .locator('.notifications-toasts', { hasText: `${NUMBER} is no longer on the STOP list` })
      .waitFor({ timeout: 20_000 });
    await tree.locator('.monaco-list-row', { hasText: 'STOP list' }).first().waitFor();
    await shot('stop-list');
  });
}
