// typescript-eslint's recommended rules, the type-aware rules that catch lost promises, and
// the layers of src/ (CONTRIBUTING.md, "Architecture"): each folder imports only the
// folders below it. `npm run lint` allows no warnings.
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Folders of src/, bottom to top; a folder may import only those listed for it. */
const LAYERS = {
  api: [],
  webview: ['api'],
  log: ['api'],
  settings: ['api'],
  accounts: ['api', 'log', 'settings'],
  ui: ['api', 'log', 'settings', 'accounts', 'webview'],
  // What an action may be given, checked the same way for commands and tools.
  actions: ['api', 'ui'],
  panels: ['api', 'log', 'settings', 'accounts', 'ui', 'webview'],
  providers: ['api', 'log', 'settings', 'accounts', 'ui', 'webview', 'panels'],
  commands: ['api', 'log', 'settings', 'accounts', 'ui', 'webview', 'panels', 'actions'],
  tools: ['api', 'log', 'settings', 'accounts', 'ui', 'webview', 'actions'],
};
const FOLDERS = [...Object.keys(LAYERS), 'firstUse'];

/** `no-restricted-imports` for one folder: every folder it may not reach, at any depth of `../`. */
function layerRule(folder) {
  const banned = FOLDERS.filter((f) => f !== folder && !LAYERS[folder].includes(f));
  const patterns = banned.map((f) => ({
    group: [`../${f}`, `../${f}/*`, `../../${f}`, `../../${f}/*`, `../../../${f}`, `../../../${f}/*`],
    message: `src/${folder} may not import src/${f} (layers: see eslint.config.mjs).`,
  }));
  patterns.push({
    group: ['../extension', '../../extension', '../main', '../../main'],
    message: 'Only main.ts loads extension.ts.',
  });
  const paths =
    folder === 'api' || folder === 'webview'
      ? [{ name: 'vscode', message: `src/${folder} never imports vscode.` }]
      : [];
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'test-results/**',
      '.tmp/**',
      'bench/results.json',
      'media/*.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/naming-convention': ['warn', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      curly: 'warn',
      eqeqeq: 'warn',
      'no-throw-literal': 'warn',
      semi: 'warn',
    },
  },
  ...Object.keys(LAYERS).map(layerRule),
  {
    // The webviews' scripts run in the browser; scripts/ and bench/ in Node.
    files: ['media/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser, acquireVsCodeApi: 'readonly' },
    },
  },
  {
    files: ['**/*.mjs', 'bench/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['bench/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
