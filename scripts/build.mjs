// Bundles the extension (and, with --tests, the test suites and the emulator) with esbuild.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, watch as watchTree } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');

// Every module that imports `vscode` would otherwise copy the whole API object into a
// namespace of its own when it is first evaluated (esbuild's CommonJS interop), some
// seventy copies of a few hundred properties at activation. One shared namespace instead.
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
      contents: 'export * from "vscode";',
      loader: 'js',
    }));
  },
};

// node-fetch 3 is ESM-only: bundling is what lets both the extension host and mocha load it.
// It carries polyfills for what VS Code's Node (18+) has built in: streams (fetch-blob falls
// back to web-streams-polyfill, 59 KB), Blob, File and FormData (fetch-blob,
// formdata-polyfill, 7 KB). We never send or read a Blob or FormData body, nor fetch a data:
// URL, so those modules become Node's own classes or throw.
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
  // Referrer policy (1.8 KB): our requests carry no referrer (node-fetch sends none without
  // one) and redirects are ours to follow (`redirect: 'manual'`), so no policy is ever read.
  './utils/referrer.js': [
    "export const DEFAULT_REFERRER_POLICY = 'strict-origin-when-cross-origin';",
    'export function validateReferrerPolicy(policy) { return policy; }',
    "export function determineRequestsReferrer() { return 'no-referrer'; }",
    "export function parseReferrerPolicyFromHeader() { return ''; }",
  ].join('\n'),
  // node-fetch's Response.formData() for multipart bodies (4 KB): we read JSON and XML only.
  './utils/multipart-parser.js':
    'export function toFormData() { throw new Error("multipart bodies are not used by Partner Explorer"); }',
};
const nodeOnly = {
  name: 'node18-only',
  setup(build) {
    const filter = new RegExp(
      `^(${Object.keys(STUBS)
        .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('|')})$`,
    );
    build.onResolve({ filter }, (args) =>
      args.path.startsWith('./') && !args.importer.includes(`${sep}node-fetch${sep}`)
        ? undefined
        : { path: args.path, namespace: 'stub' },
    );
    build.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
      contents: STUBS[args.path],
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// node-fetch imports `node:http` and `node:https`: the bundle requires Node's own `http` and
// `https` at run time instead (never a copy), the names under which VS Code's extension host
// hands out the modules it wraps for its proxy and certificate support.
const nodeHttp = {
  name: 'node-http',
  setup(build) {
    build.onResolve({ filter: /^node:https?$/ }, (args) => ({ path: args.path.slice('node:'.length), external: true }));
  },
};

// Test scaffolding (the live parts for the tests, the panels' recorder, the webviews'
// `rendered` reports, activation timing) sits behind this flag: `--tests` builds it in,
// `npm run build` / `npm run package` leave it out of what ships (a test greps dist/).
const testBuild = args.has('--tests');
const define = { __PARTNER_TEST_BUILD__: String(testBuild) };

const common = {
  plugins: [nodeOnly, nodeHttp, vscodeOnce],
  define,
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

/**
 * The extension is four files. dist/extension.js holds what activation needs (main.ts and
 * everything it imports, the workbench left out); dist/workbench.js holds the tree, the
 * panels, the commands and the tools, which lazyWorkbench.ts requires on first use;
 * dist/xmlParser.js holds fast-xml-parser (its parser and validator), required on its first use;
 * dist/nodeFetch.js holds node-fetch, required on the first request.
 * Modules both use live in the first file only: the second reaches them through its
 * `__startupModule(index)`, so there is one AccountSession class, one pacer, one log.
 */
const extensionFiles = {
  ...common,
  // Non-ASCII text as UTF-8 (`…`, `·`, `é`), not as six-byte `\u2026` escapes.
  charset: 'utf8',
  outdir: 'dist',
  minify: true,
  metafile: true,
  // The maps point at our sources by path; embedding them would triple the .vsix.
  sourcesContent: false,
};

/** In the startup file, lazyWorkbench.ts's `require('./workbench')` names the second file. */
const workbenchApart = {
  name: 'workbench-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/workbench$/ }, (args) =>
      args.importer.endsWith(`${sep}firstUse${sep}lazyWorkbench.ts`)
        ? { path: './workbench.js', external: true }
        : undefined,
    );
  },
};

// fast-xml-parser (its public entry) in a file of its own: only XML answers outside the
// provider's usual shape reach it (src/api/xmlDocument.ts), so most sessions never read it.
const XML_PARSER = 'fast-xml-parser';
const xmlParserApart = {
  name: 'xml-parser-apart',
  setup(build) {
    build.onResolve({ filter: /^fast-xml-parser$/ }, () => ({ path: './xmlParser.js', external: true }));
  },
};

// node-fetch in a file of its own too, required on the first request (src/api/httpExchange.ts):
// activation reads only what it needs (the startup file's budget is 140 KB).
const fetchApart = {
  name: 'fetch-apart',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: './nodeFetch.js', external: true }));
  },
};

// The entry is CommonJS, so esbuild cannot shake off the XML builder it also exports (we never
// build XML). Where the package still keeps it in this file, it is left out; if an upgrade
// moves it, it is simply bundled again: nothing breaks.
const xmlBuilderLeftOut = {
  name: 'xml-builder-left-out',
  setup(build) {
    build.onResolve({ filter: /^\.\/xmlbuilder\/json2xml$/ }, (args) =>
      /[\\/]fast-xml-parser[\\/]src[\\/]fxp\.js$/.test(args.importer)
        ? { path: 'xml-builder', namespace: 'xml-builder-left-out' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'xml-builder-left-out' }, () => ({
      contents: "module.exports = function XMLBuilder() { throw new Error('XMLBuilder is not bundled'); };",
      loader: 'js',
    }));
  },
};

/** In the workbench file, a module the startup file holds is taken from it. */
function shareStartup(startupModules, taken) {
  const held = new Set(startupModules.map((p) => join(root, p)));
  return {
    name: 'share-startup',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'share-startup' || args.namespace === 'startup-module') {
          return undefined;
        }
        const found = await build.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          importer: args.importer,
          pluginData: 'share-startup',
        });
        return found.errors.length === 0 && held.has(found.path)
          ? { path: relative(root, found.path).split(sep).join('/'), namespace: 'startup-module' }
          : undefined;
      });
      build.onResolve({ filter: /^\.\/extension\.js$/, namespace: 'startup-module' }, () => ({
        path: './extension.js',
        external: true,
      }));
      build.onLoad({ filter: /.*/, namespace: 'startup-module' }, (args) => {
        taken.add(args.path);
        return {
          // By index in the startup file's table: the paths themselves would cost kilobytes there.
          contents: `module.exports = require("./extension.js").__startupModule(${startupModules.indexOf(args.path)});`,
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

async function buildExtension() {
  const plugins = [...common.plugins, workbenchApart, xmlParserApart, fetchApart];
  // What startup holds: main.ts and what it imports, the workbench left out.
  const probe = await esbuild.build({ ...extensionFiles, plugins, entryPoints: ['src/main.ts'], write: false });
  const startupModules = Object.keys(probe.metafile.inputs).filter((p) => /^src\/.*\.ts$/.test(p));
  // The workbench first: which of those modules it takes from the startup file. Only those
  // are in the table (a module reached by `require` is wrapped with its exports listed; the
  // others stay plain code in the startup file).
  const taken = new Set();
  const workbench = await esbuild.build({
    ...extensionFiles,
    plugins: [...common.plugins, xmlParserApart, fetchApart, shareStartup(startupModules, taken)],
    entryPoints: { workbench: 'src/firstUse/workbench.ts' },
  });
  const entry = [
    "export * from './src/main.ts';",
    '/** The workbench file takes the modules this file holds from here (see scripts/build.mjs). */',
    'export function __startupModule(path) {',
    '  switch (path) {',
    ...startupModules.flatMap((p, i) =>
      taken.has(p) ? [`    case ${i}: return require(${JSON.stringify(`./${p}`)});`] : [],
    ),
    '  }',
    "  throw new Error('not in dist/extension.js: module ' + path);",
    '}',
  ].join('\n');
  const [startup] = await Promise.all([
    esbuild.build({
      ...extensionFiles,
      plugins,
      stdin: { contents: entry, resolveDir: root, sourcefile: 'startup-entry.js', loader: 'js' },
      outfile: 'dist/extension.js',
      outdir: undefined,
    }),
    esbuild.build({
      ...extensionFiles,
      plugins: [...common.plugins, xmlBuilderLeftOut],
      entryPoints: { xmlParser: XML_PARSER },
    }),
    esbuild.build({ ...extensionFiles, entryPoints: { nodeFetch: 'node-fetch' } }),
  ]);
  await buildWebviewScripts();
  return [startup, workbench];
}

/**
 * The webviews' scripts (media/*.js, classic scripts that share globals) go to dist/media
 * with the flag applied and the dead branches dropped; names stay, as the scripts share them.
 */
async function buildWebviewScripts() {
  const scripts = readdirSync(join(root, 'media')).filter((f) => f.endsWith('.js'));
  await esbuild.build({
    entryPoints: scripts.map((f) => `media/${f}`),
    outdir: 'dist/media',
    absWorkingDir: root,
    define,
    // Local names are shortened; the scripts' top-level names (shared globals) stay.
    minify: true,
    charset: 'utf8',
    target: 'es2022',
    logLevel: 'warning',
  });
}

const builds = [];
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
const testBuilds = () => Promise.all(builds.map((b) => esbuild.build(b)));
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  // The extension's two files are built together (the second depends on what the first holds).
  let again;
  const rebuild = () => {
    clearTimeout(again);
    again = setTimeout(() => {
      console.log('rebuilding dist/…'); // the watch task's problem matcher (.vscode/tasks.json) starts here
      buildExtension().then(
        () => console.log('rebuilt dist/'),
        (err) => console.error(err.message),
      );
    }, 100);
  };
  await buildExtension();
  watchTree(join(root, 'src'), { recursive: true }, rebuild);
  console.log('watching…');
} else {
  const [extension] = await Promise.all([buildExtension(), testBuilds()]);
  if (args.has('--analyze')) {
    for (const result of extension) {
      console.log(await esbuild.analyzeMetafile(result.metafile));
    }
  }
  const kb = (file) => (statSync(join(root, 'dist', file)).size / 1024).toFixed(1);
  console.log(
    `built dist/extension.js (${kb('extension.js')} KB), dist/workbench.js (${kb('workbench.js')} KB) and dist/xmlParser.js (${kb('xmlParser.js')} KB)${args.has('--tests') ? ' and out/' : ''} in ${Date.now() - started} ms`,
  );
}
