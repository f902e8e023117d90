// Bundles the extension (and, with --tests, the test suites and the emulator) with esbuild.
// node-fetch 3 is ESM-only: bundling is what lets both the extension host and mocha load it.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');

// node-fetch carries polyfills for what VS Code's Node (18+) has built in: streams
// (fetch-blob falls back to web-streams-polyfill, 59 KB), Blob, File and FormData
// (fetch-blob, formdata-polyfill, 7 KB). We never send or read a Blob or FormData
// body, nor fetch a data: URL, so those modules become Node's own classes.
const STUBS = {
  'web-streams-polyfill/dist/ponyfill.es2018.js': 'module.exports = {};',
  'fetch-blob': 'export default globalThis.Blob;',
  'fetch-blob/from.js': [
    'const unused = () => { throw new Error("not used by Partner Explorer"); };',
    'export const Blob = globalThis.Blob;',
    'export const File = globalThis.File ?? class File extends globalThis.Blob {};',
    'export { unused as fileFrom, unused as fileFromSync, unused as blobFrom, unused as blobFromSync };',
  ].join('\n'),
  'formdata-polyfill/esm.min.js': [
    'export const FormData = globalThis.FormData ?? class FormData {};',
    'export function formDataToBlob() { throw new Error("not used by Partner Explorer"); }',
  ].join('\n'),
  'data-uri-to-buffer':
    'export default function () { throw new Error("data: URLs are not used by Partner Explorer"); }',
};
const nodeOnly = {
  name: 'node18-only',
  setup(build) {
    const filter = new RegExp(
      `^(${Object.keys(STUBS)
        .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('|')})$`,
    );
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
      contents: STUBS[args.path],
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const common = {
  plugins: [nodeOnly],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // node-fetch's optional `encoding` dependency is never used by us.
  external: ['vscode', 'encoding'],
};

function testEntries(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ts$/.test(name)) out.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return out;
}

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/main.ts' },
    outdir: 'dist',
    minify: true,
    metafile: true,
    // The map points at our sources by path; embedding them would triple the .vsix.
    sourcesContent: false,
  },
];

if (args.has('--tests')) {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  builds.push({
    ...common,
    entryPoints: [
      ...testEntries('test/unit'),
      ...testEntries('test/emulator'),
      ...testEntries('test/integration'),
      ...testEntries('test/faults'),
      ...testEntries('bench'),
    ],
    outdir: 'out',
    outbase: '.',
    external: [...common.external, 'mocha'],
  });
}

const started = Date.now();
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('watching…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (args.has('--analyze')) {
    console.log(await esbuild.analyzeMetafile(results[0].metafile));
  }
  const size = statSync(join(root, 'dist/extension.js')).size;
  console.log(
    `built dist/extension.js (${(size / 1024).toFixed(1)} KB)${args.has('--tests') ? ' and out/' : ''} in ${Date.now() - started} ms`,
  );
}
