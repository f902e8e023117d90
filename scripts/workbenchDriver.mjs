// Playwright helpers for driving the VS Code workbench (used by the e2e test and the benchmark).

/** Runs a command through the Command Palette, by its title. */
export async function commandPalette(page, command) {
  await progressNotificationsClosed(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${command}`);
  // Click the matching row: Enter would run whichever row has focus at that moment.
  await pickItem(page, command).click();
}

/**
 * Waits until no notification shows progress. VS Code keeps a progress notification at least
 * 800 ms, however short its task, and closing it can move the focus: a QuickPick opened before
 * then closes on the spot (seen in CI after a quick credit transfer and a quick test send).
 */
export async function progressNotificationsClosed(page) {
  await page
    .waitForFunction(
      () =>
        ![...document.querySelectorAll('.notifications-toasts .monaco-progress-container')].some(
          (bar) => bar.getClientRects().length > 0 && getComputedStyle(bar).visibility !== 'hidden',
        ),
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => {
      throw new Error('a progress notification stayed open for 15 s');
    });
}

/**
 * Waits (up to 5 s) until the side bar has the focus. A click on an activity-bar icon moves the
 * focus to its view once the view is drawn: a QuickPick opened before then closes on the spot
 * (seen in CI: Create Sub-account's account pick, hidden with the tree focused).
 */
export async function sideBarFocused(page) {
  await page
    .waitForFunction(() => !!document.activeElement?.closest('.part.sidebar'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
}

/** A QuickPick item by the start of its accessible label (rows are recycled, so their text may hold stale hidden parts). */
export function pickItem(page, label) {
  return page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label.replace(/"/g, '\\"')}"]`).first();
}

/** The labels of the open QuickPick's items. */
export async function quickPickItems(page) {
  // Rows are recycled: hidden labels of an earlier pick may linger in the DOM.
  const labels = page.locator('.quick-input-list .monaco-list-row .label-name >> visible=true');
  await labels.first().waitFor();
  return (await labels.allInnerTexts()).map((t) => t.trim());
}

/**
 * The frame of an open webview (one with our #app root); with `selector`, the one
 * that holds it (hidden webviews keep their frames, so several may be there).
 */
export async function findWebviewFrame(page, timeoutMs = 20_000, selector = '#app') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (
        (await frame
          .locator('#app')
          .count()
          .catch(() => 0)) > 0 &&
        (await frame
          .locator(selector)
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the webview did not load');
}

/**
 * Opens Show Message Status for an account (picked by its name) and an id, and returns the
 * webview frame once its table is there; the tab is titled with the service's name.
 */
export async function openMessageStatus(page, accountName, serviceLabel, messageId) {
  await commandPalette(page, 'Partner: Show Message Status…');
  await pickItem(page, accountName).click();
  await page.locator('.quick-input-widget input').fill(messageId);
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: `Message ${messageId} · ${serviceLabel}` }).waitFor({ timeout: 20_000 });
  const frame = await findWebviewFrame(page);
  await frame.locator('table tbody tr:not(.spacer)').first().waitFor({ timeout: 20_000 });
  return frame;
}

/**
 * Right-clicks a tree row and clicks an entry of its context menu. A re-render of the
 * row closes an open menu: it is opened again, as a user would.
 */
export async function treeContextAction(page, row, action) {
  const menuItem = page.locator('.context-view .action-label', { hasText: action });
  for (let attempt = 0; ; attempt++) {
    await row.click({ button: 'right' });
    try {
      await menuItem.waitFor({ timeout: 5000 });
      break;
    } catch (err) {
      if (attempt === 2) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await menuItem.click();
}
