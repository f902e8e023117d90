// Renders the Marketplace icon (media/icon.png, 128×128) from the activity-bar
// glyph in media/partner.svg, so the two never drift apart. Run by hand after
// changing the glyph: `node scripts/make-icon.mjs`. Uses the Chromium the
// headless-VS-Code tests already need.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, root } from './headlessVSCode.mjs';

const glyph = readFileSync(join(root, 'media', 'partner.svg'), 'utf8')
  .replace('width="24" height="24"', 'width="88" height="88"')
  .replace('stroke="currentColor"', 'stroke="#ffffff"');

// Marketplace tiles are shown on both light and dark pages: an opaque rounded tile
// in the gallery-banner colour reads on either.
const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:128px;height:128px;border-radius:24px;background:linear-gradient(150deg,#1f6fb5,#124a80);display:flex;align-items:center;justify-content:center">${glyph}</div>
</body></html>`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(html);
  await page.screenshot({ path: join(root, 'media', 'icon.png'), omitBackground: true });
  console.log('wrote media/icon.png (128×128)');
} finally {
  await browser.close();
}
