// Issue 27, keys written into files: the SMS account's key in a JavaScript file of the workspace
// is an error in the editor and the Problems view, naming the account, never the key; its quick
// fix reads SMSPARTNER_API_KEY instead. Screenshot: api-key-in-file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeEditors } from './messageLinks.mjs';

export async function journey(t) {
  const { page, emulator, check, expect, shot, commandPalette } = t;
  const key = emulator.sms.apiKey;

  await check(
    'an API key in a file: the error and its quick fixes; the fix reads the environment variable',
    async () => {
      // The workspace folder the workbench opened (its URL names it).
      const folder = new URL(page.url()).searchParams.get('folder');
      writeFileSync(
        join(folder, 'send-order.js'),
        `// Send the order confirmation\nconst partner = new SmsPartner({\n  apiKey: '${key}',\n  sender: 'MyShop',\n});\n`,
      );
      await commandPalette('View: Show Explorer');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'send-order.js' }).first().click();
      await page.locator('.squiggly-error').first().waitFor({ timeout: 20_000 });
      await commandPalette('View: Focus Problems (Errors, Warnings, Infos)');
      const problem = page.locator('.markers-panel .monaco-list-row', {
        hasText: 'This is the API key of SMS Partner',
      });
      await problem.first().waitFor({ timeout: 10_000 });
      expect(!(await problem.first().innerText()).includes(key), 'the Problems view does not show the key');
      // Back in the editor, the cursor on the key, the light bulb's menu.
      await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'apiKey' }).first().click();
      await page.keyboard.press('End');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
      // The light bulb VS Code shows for the preferred fix, clicked.
      const bulb = page.locator('.lightBulbWidget').first();
      await bulb.waitFor({ timeout: 10_000 });
      await bulb.click();
      const fix = page.locator('.action-widget .monaco-list-row', {
        hasText: 'Read the key from process.env.SMSPARTNER_API_KEY instead',
      });
      await fix.first().waitFor({ timeout: 10_000 });
      await page
        .locator('.action-widget .monaco-list-row', { hasText: 'Make a new key in the SMS Partner dashboard' })
        .first()
        .waitFor({ timeout: 5_000 });
      await shot('api-key-in-file');
      // The preferred fix is the focused row (a click is caught by the menu's pointer block).
      await page.keyboard.press('Enter');
      await page
        .locator('.view-line', { hasText: 'apiKey: process.env.SMSPARTNER_API_KEY,' })
        .first()
        .waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => document.querySelectorAll('.squiggly-error').length === 0, null, {
        timeout: 10_000,
      });
      const text = await page.locator('.editor-instance .view-lines').first().innerText();
      expect(!text.includes(key), 'the key is gone from the file');
      await commandPalette('File: Save');
    },
  );
  await closeEditors(t);
}
