import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Manifest {
  version: string;
  contributes: { commands: { title: string }[]; configuration: { properties: Record<string, unknown> } };
}

/** Relative links and images of a Markdown file that point at files of the repository. */
function localLinks(file: string): string[] {
  return [...text(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => join(dirname(file), target));
}

describe('README, CONTRIBUTING and CHANGELOG', () => {
  const manifest = JSON.parse(text('package.json')) as Manifest;
  const nls = JSON.parse(text('package.nls.json')) as Record<string, string>;

  it('the README is a short page for users that still lists every command and setting', () => {
    const readme = text('README.md');
    assert.ok(Buffer.byteLength(readme) <= 15 * 1024, `${Buffer.byteLength(readme)} bytes`);
    const missing = [
      ...manifest.contributes.commands.map((c) => nls[c.title.replace(/%/g, '')] ?? c.title),
      ...Object.keys(manifest.contributes.configuration.properties).map((id) => `\`${id}\``),
    ].filter((name) => !readme.includes(name));
    assert.deepEqual(missing, []);
    assert.match(readme, /^npm run demo\s+#/m);
    assert.match(readme, /^npm test\s+#/m);
    assert.doesNotMatch(readme, /\bissues? \d+|apt-get|Debian/i, 'no internal issue numbers, no system set-up');
    assert.match(readme, /extension runs on the UI side/);
  });

  it('every picture and page the README and CONTRIBUTING link to exists', () => {
    for (const file of ['README.md', 'CONTRIBUTING.md', 'docs/architecture.md', 'docs/testing.md']) {
      const links = localLinks(file);
      assert.ok(links.length > 0, file);
      assert.deepEqual(
        links.filter((link) => !existsSync(join(ROOT, link))),
        [],
        `broken links in ${file}`,
      );
    }
    assert.ok(localLinks('README.md').includes('CONTRIBUTING.md'));
  });

  it('the CHANGELOG has one Keep a Changelog section per version, newest first, the latest being package.json’s', () => {
    const changelog = text('CHANGELOG.md');
    const sections = [...changelog.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    assert.equal(sections[0], '[Unreleased]');
    const versions = sections.slice(1).map((s) => {
      const m = /^\[(\d+)\.(\d+)\.(\d+)\] - \d{4}-\d{2}-\d{2}$/.exec(s);
      assert.ok(m, `a version heading: ${s}`);
      return [Number(m[1]), Number(m[2]), Number(m[3])];
    });
    assert.equal(versions[0].join('.'), manifest.version);
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [versions[i - 1], versions[i]];
      assert.ok(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2]))), 'newest first');
    }
    const kinds = [...changelog.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(
      kinds.filter((k) => !['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(k)),
      [],
    );
    assert.doesNotMatch(
      changelog,
      /\d\s?(KB|ms)\b|\d×|\bissues? \d+/,
      'no figures or issue numbers: written for users',
    );
  });
});
