import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

interface Manifest {
  icon: string;
  extensionKind?: string[];
  galleryBanner: { color: string; theme: string };
  categories: string[];
  keywords: string[];
  license: string;
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    viewsWelcome: { contents: string }[];
    walkthroughs: {
      steps: { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }[];
    }[];
  };
}

describe('package.json contributions', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));

  it('the Getting Started walkthrough has its three steps, shipped media and working command links', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['setKey', 'credits', 'messageStatus'],
    );
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && existsSync(join(ROOT, step.media.markdown)), `${step.id} media`);
      assert.ok(step.media.markdown!.startsWith('media/'), 'media ships in the .vsix');
      const text = nls[step.description.replace(/%/g, '')];
      const links = [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.equal(links.length, 1, `${step.id} has one button`);
      for (const id of links) {
        assert.ok(commands.has(id) || id === 'workbench.view.extension.partnerExplorer', `${id} exists`);
      }
      assert.equal(step.completionEvents.length, 1);
    }
  });

  it('has a Marketplace icon that is a 128×128 PNG shipped from media/, a banner, categories and keywords', () => {
    assert.match(manifest.icon, /^media\/.+\.png$/);
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height are the first two big-endian words after the chunk header.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.ok(manifest.categories.length > 0 && manifest.keywords.length >= 5 && manifest.keywords.length <= 30);
    assert.ok(
      existsSync(join(ROOT, 'LICENSE')) && existsSync(join(ROOT, 'CHANGELOG.md')) && manifest.license === 'MIT',
    );
  });

  it("runs on the UI side in remote windows (calls leave from the user's machine), on the remote where there is none", () => {
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
  });

  it('one visible command per action: the earlier ids are contributed and run, but hidden everywhere', () => {
    // Documented ids kept for keybindings and links; each runs the visible command beside it.
    const aliases = ['partnerExplorer.setApiKey', 'partnerExplorer.clearApiKey'];
    const { commandPalette, ...menus } = manifest.contributes.menus;
    for (const id of aliases) {
      assert.ok(commands.has(id), `${id} is still contributed`);
      assert.deepEqual(
        commandPalette.filter((m) => m.command === id).map((m) => m.when),
        ['false'],
        `${id} is hidden from the Command Palette`,
      );
      for (const [menu, items] of Object.entries(menus)) {
        assert.ok(!items.some((m) => m.command === id), `${id} is not in ${menu}`);
      }
      const links = [...manifest.contributes.viewsWelcome.map((w) => w.contents), ...Object.values(nls)];
      assert.ok(!links.some((t) => nls[t.replace(/%/g, '')]?.includes(`command:${id}`) || t.includes(`command:${id}`)));
    }
  });
});
