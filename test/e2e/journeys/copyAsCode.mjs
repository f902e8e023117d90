// Copy as Code from the message-status panel: the button, the languages, the snippet pasted
// into an editor (the README's picture). The key is in the environment, never in the snippet.
import { closeEditors } from './messageLinks.mjs';

export async function journey(t) {
  const { page, check, expect, shot, emulator } = t;

  await check(
    'Copy as Code from the status panel: pick a language, paste a snippet that reads the key from the environment',
    async () => {
      await t.commandPalette('Notifications: Clear All Notifications');
      await t.commandPalette('Partner: Show Message Status…');
      await t.drive.pickItem(page, 'agence.durand@exemple.fr').click();
      const idInput = page.locator('.quick-input-widget input');
      for (let i = 0; i < 10; i++) {
        await idInput.fill('111');
        await page.waitForTimeout(300);
        if ((await idInput.inputValue()) === '111') break;
      }
      await page.keyboard.press('Enter');
      const frame = await t.findWebviewFrame(20_000, 'h1:has-text("111")');
      await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
      await frame.locator('[data-control="Copy as Code…"]').click();
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Python (requests)' }).waitFor();
      const items = await t.quickPickItems();
      expect(items.length === 5, `languages: ${JSON.stringify(items)}`);
      await t.drive.pickItem(page, 'Python (requests)').click();
      const snippet = await t.waitForClipboard((text) => text.includes('requests.request('));
      expect(snippet.includes('os.environ["SMSPARTNER_API_KEY"]'), snippet);
      expect(!snippet.includes(emulator.sms.apiKey), 'no key in the snippet');
      await page
        .locator('.notifications-toasts', { hasText: 'Python (requests) code for' })
        .waitFor({ timeout: 10_000 });
      await t.commandPalette('File: New Untitled Text File');
      await page.locator('.editor-instance .monaco-editor textarea').first().waitFor();
      await t.commandPalette('Change Language Mode');
      await page.locator('.quick-input-widget input').fill('Python');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Python' }).first().click();
      await page.locator('.statusbar-item', { hasText: 'Python' }).first().waitFor();
      await page.keyboard.press('Control+V');
      await page.locator('.view-line', { hasText: 'print(response.text)' }).waitFor({ timeout: 10_000 });
      await shot('copy-as-code');
    },
  );

  await closeEditors(t);
}
