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

// Test scaffolding (the live parts for the tests, the panels' recorder, the webviews'
// `rendered` reports, activation timing) sits behind this flag: `--tests` builds it in,
// `npm run build` / `npm run package` leave it out of what ships (a test greps dist/).
const testBuild = args.has('--tests');
const define = { __PARTNER_TEST_BUILD__: String(testBuild) };

const common = {
  plugins: [vscodeOnce],
  define,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode'],
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
 * The extension is three files. dist/extension.js holds what activation needs (main.ts and
 * everything it imports, the workbench left out); dist/workbench.js holds the tree, the
 * panels, the commands and the tools, which lazyWorkbench.ts requires on first use;
 * dist/xmlParser.js holds fast-xml-parser's parser, required on its first use.
 * Modules both use live in the first file only: the second reaches them through its
 * `__startupModule(path)`, so there is one AccountSession class, one pacer, one log.
 */
const extensionFiles = {
  ...common,
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

// fast-xml-parser's parser (29 KB) in a file of its own: only XML answers outside the
// provider's usual shape reach it (src/api/xmlDocument.ts), so most sessions never read it.
const XML_PARSER = 'fast-xml-parser/src/xmlparser/XMLParser';
const xmlParserApart = {
  name: 'xml-parser-apart',
  setup(build) {
    build.onResolve({ filter: /^fast-xml-parser\/src\/xmlparser\/XMLParser$/ }, () => ({
      path: './xmlParser.js',
      external: true,
    }));
  },
};

/** In the workbench file, a module the startup file holds is taken from it. */
function shareStartup(startupModules) {
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
      build.onLoad({ filter: /.*/, namespace: 'startup-module' }, (args) => ({
        contents: `module.exports = require("./extension.js").__startupModule(${JSON.stringify(args.path)});`,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

async function buildExtension() {
  const plugins = [...common.plugins, workbenchApart, xmlParserApart];
  // What startup holds: main.ts and what it imports, the workbench left out.
  const probe = await esbuild.build({ ...extensionFiles, plugins, entryPoints: ['src/main.ts'], write: false });
  const startupModules = Object.keys(probe.metafile.inputs).filter((p) => /^src\/.*\.ts$/.test(p));
  const entry = [
    "export * from './src/main.ts';",
    '/** The workbench file takes the modules this file holds from here (see scripts/build.mjs). */',
    'export function __startupModule(path) {',
    '  switch (path) {',
    ...startupModules.map((p) => `    case ${JSON.stringify(p)}: return require(${JSON.stringify(`./${p}`)});`),
    '  }',
    "  throw new Error('not in dist/extension.js: ' + path);",
    '}',
  ].join('\n');
  const [startup, workbench] = await Promise.all([
    esbuild.build({
      ...extensionFiles,
      plugins,
      stdin: { contents: entry, resolveDir: root, sourcefile: 'startup-entry.js', loader: 'js' },
      outfile: 'dist/extension.js',
      outdir: undefined,
    }),
    esbuild.build({
      ...extensionFiles,
      plugins: [...common.plugins, xmlParserApart, shareStartup(startupModules)],
      entryPoints: { workbench: 'src/firstUse/workbench.ts' },
    }),
    esbuild.build({ ...extensionFiles, entryPoints: { xmlParser: XML_PARSER } }),
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
    minifySyntax: true,
    minifyWhitespace: true,
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
