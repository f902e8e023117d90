// Issue 14, section 1, the end of its journey: the .sms document written and fixed in
// smsWriting.mjs, Send Test SMS…, keep the sandbox (the default), land in the live panel.
import { closeEditors } from './messageLinks.mjs';

export async function journey(t) {
  const { page, check, expect, shot, drive, commandPalette, findWebviewFrame } = t;

  await check(
    'Send Test SMS… from a message in the editor: sandbox by default, lands in the live status panel',
    async () => {
      // The extension is active and has read the accounts' keys: its credits are in the status bar.
      await page.locator('.statusbar-item', { hasText: '269,082' }).first().waitFor({ timeout: 30_000 });
      // The .sms document the previous journey wrote and fixed (smsWriting.mjs), all of it selected.
      const editor = page.locator('.editor-instance .monaco-editor textarea').first();
      await editor.waitFor();
      await page.locator('.view-line', { hasText: "L'offre de la semaine" }).first().click();
      await page.keyboard.press('Control+A');

      await commandPalette('Partner: Send Test SMS…');
      const input = page.locator('.quick-input-widget input');
      // Recipients: validated as typed.
      await input.fill('0612345678');
      await page
        .locator('.quick-input-message', { hasText: 'is not an international number' })
        .waitFor({ timeout: 10_000 });
      await input.fill('+33612345678');
      await page.keyboard.press('Enter');
      // The message, taken from the selection.
      await page.locator('.quick-input-widget', { hasText: 'Message' }).waitFor();
      const message = await input.inputValue();
      expect(message.startsWith("L'offre de la semaine"), `message: ${message}`);
      await page.keyboard.press('Enter');
      // The sender, remembered for next time.
      await page.locator('.quick-input-widget', { hasText: 'Sender' }).waitFor();
      await input.fill('Agence');
      await page.keyboard.press('Enter');
      // Options: none needed.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Add the STOP mention' }).waitFor();
      await page.keyboard.press('Enter');
      // The mode: Sandbox first and focused.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Real send' }).waitFor();
      const items = await drive.quickPickItems(page);
      expect(items[0]?.includes('Sandbox'), `modes: ${JSON.stringify(items)}`);
      await shot('send-test-sms-mode');
      await page.keyboard.press('Enter');

      await page.locator('.tab', { hasText: /Message \d+ · SMS Partner/ }).waitFor({ timeout: 20_000 });
      const frame = await findWebviewFrame();
      await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
      await frame.locator('.tracking[data-state="live"]').waitFor({ timeout: 20_000 });
      const row = await frame.locator('table tbody tr:not(.spacer)').first().innerText();
      expect(/Waiting/.test(row), `first row: ${row}`);
      await page
        .locator('.notifications-toasts', { hasText: /Sandbox send accepted: message \d+, 1 SMS/ })
        .waitFor({ timeout: 10_000 });
      await shot('send-test-sms');
    },
  );
  // The live panel and the unsaved .sms document go: the next journeys start clean.
  await closeEditors(t);
}
