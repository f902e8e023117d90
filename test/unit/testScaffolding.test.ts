import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const { markers } = JSON.parse(readFileSync(join(root, 'test/fixtures/testScaffolding.json'), 'utf8')) as {
  markers: string[];
};

/** Every script the extension loads: dist/*.js and the webviews' dist/media/*.js. */
function builtScripts(): string {
  const dist = join(root, 'dist');
  const files = [
    ...readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dist, f)),
    ...readdirSync(join(dist, 'media')).map((f) => join(dist, 'media', f)),
  ];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

// `npm run test:unit` builds with --tests: the scaffolding must be there, or the e2e check
// that the shipped .vsix has none of these markers would prove nothing.
describe('test scaffolding is in the test build only', () => {
  it('the test build (dist/ from --tests) carries every marker the shipped bundle must not', () => {
    const text = builtScripts();
    const missing = markers.filter((m) => !text.includes(m));
    assert.deepEqual(missing, [], `markers not found in the test build: ${missing.join(', ')}`);
  });
});
