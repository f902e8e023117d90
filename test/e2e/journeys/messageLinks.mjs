// Message ids in an editor become links: hover one, *Show delivery status* opens its panel.
// Then the panel's Cancel Scheduled Send (modal, refusal explained) and Show Status by Tag.

export async function closeEditors(t) {
  await t.commandPalette('View: Close All Editors');
  // An untitled file asks whether to save: do not.
  // Earlier journeys may have left several unsaved editors: one question each.
  const dontSave = t.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" }).first();
  for (let i = 0; i < 5; i++) {
    const asked = await dontSave
      .waitFor({ timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    if (!asked) break;
    await dontSave.click();
  }
}

export async function journey(t) {
  const { page, check, expect, shot } = t;

  await check('a message id in an editor is a link: its hover opens the delivery status', async () => {
    await t.commandPalette('File: New Untitled Text File');
    const editor = page.locator('.monaco-editor textarea').first();
    await editor.waitFor({ timeout: 20_000 });
    await page.keyboard.insertText('INFO sms sent: message_id=4242 nb_sms=1 cost=0.045');
    const line = page.locator('.view-lines .view-line', { hasText: 'message_id=4242' }).first();
    await line.waitFor({ timeout: 10_000 });
    // The link decoration VS Code draws for a document link.
    await page.locator('.view-lines .detected-link').first().waitFor({ timeout: 20_000 });
    const text = (await line.innerText()).replace(/\u00a0/g, ' ');
    const box = await line.boundingBox();
    expect(box, 'the line is on screen');
    const at = text.indexOf('4242') + 2;
    const charWidth = box.width / Math.max(1, text.length);
    // The line's box can be wider than its text: measure a character on the token instead.
    const token = page.locator('.view-lines .detected-link').first();
    const tokenBox = await token.boundingBox();
    const x = tokenBox ? tokenBox.x + tokenBox.width / 2 : box.x + charWidth * at;
    const hover = page.locator('.monaco-hover', { hasText: 'Show delivery status' });
    // A hover needs the pointer to arrive on the token: come from below, and again if it did not show.
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(x, box.y + 150);
      await page.mouse.move(x, box.y + box.height / 2, { steps: 5 });
      try {
        await hover.first().waitFor({ timeout: 7_000 });
        break;
      } catch (err) {
        if (attempt === 2) throw err;
      }
    }
    await shot('message-links');
    await hover.locator('a', { hasText: 'Show delivery status' }).first().click();
    const frame = await t.findWebviewFrame(20_000, 'h1');
    await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
    const title = await frame.locator('h1').innerText();
    expect(/4242/.test(title) && /SMS Partner/.test(title), `panel title: ${title}`);
  });

  await closeEditors(t);

  await check(
    'Cancel Scheduled Send from the panel: a modal states the effect, the panel shows the cancel',
    async () => {
      await t.commandPalette('Partner: Show Message Status…');
      await t.drive.pickItem(page, 'agence.durand@exemple.fr').click();
      // The id step replaces the account step: type once it is there (recent ids are listed, 70000 among them).
      const idInput = page.locator('.quick-input-widget input');
      for (let i = 0; i < 10; i++) {
        await idInput.fill('5150');
        await page.waitForTimeout(300);
        if ((await idInput.inputValue()) === '5150') break;
      }
      await page.keyboard.press('Enter');
      // The panel of message 5150 (hidden panels keep their frames: find this one by its title).
      const frame = await t.findWebviewFrame(20_000, 'h1:has-text("5150")');
      await frame.locator('[data-control="cancelSend"]').click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      const said = await dialog.innerText();
      expect(/Cancel the scheduled send of message 5150\?/.test(said), `dialog: ${said}`);
      expect(/3 recipients are still waiting/.test(said), `dialog: ${said}`);
      await shot('cancel-send');
      await dialog.locator('.monaco-button', { hasText: 'Cancel the Send' }).click();
      await page
        .locator('.notifications-toasts', { hasText: 'The scheduled send of message 5150 was cancelled.' })
        .waitFor({ timeout: 15_000 });
      await frame.locator('td.col-status', { hasText: 'Cancelled' }).first().waitFor({ timeout: 15_000 });
    },
  );

  await closeEditors(t);

  await check('Show Status by Tag… reads every page into the panel, titled with the tag', async () => {
    await t.commandPalette('Partner: Show Status by Tag…');
    await page.locator('.quick-input-widget input').fill('promo-nov');
    await page.keyboard.press('Enter');
    const frame = await t.findWebviewFrame(20_000, 'h1:has-text("Tag promo-nov")');
    await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
    const title = await frame.locator('h1').innerText();
    const meta = await frame.locator('.meta').innerText();
    expect(/Tag promo-nov/.test(title), `title: ${title}`);
    expect(/45 recipients/.test(meta), `meta: ${meta}`);
    await shot('status-by-tag');
  });

  await closeEditors(t);
}
