import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

interface Manifest {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { steps: { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }[] }[];
  };
}

describe('package.json contributions', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));

  it('the Getting Started walkthrough has its three steps, shipped media and working command links', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['setKey', 'credits', 'messageStatus']);
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
});
