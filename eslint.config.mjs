// ESLint (flat config), run by `npm run lint` inside `npm test`. It enforces the layer rules of
// ARCHITECTURE.md as import restrictions, so a wrong arrow fails the build:
//   - engine/ and report/ import no Node, Office or DOM API (and no other layer above them);
//   - i18n/ holds strings only: it imports nothing outside itself;
//   - every other layer imports the engine through its public entry, src/engine/index.ts;
//   - only cli/ imports Node modules; nothing under src/ imports test/.
// Type-aware rules (floating and misused promises) run on src/ and test/ only, where promises are.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's built-in modules the code base could reach for (with and without the `node:` prefix). */
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'zlib', 'os', 'util', 'stream', 'child_process', 'crypto', 'worker_threads', 'http', 'https', 'net', 'url', 'events', 'buffer', 'readline', 'process', 'assert', 'v8', 'perf_hooks'];
const nodeModules = { group: [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `node:${m}`)], message: 'Only src/cli touches Node APIs (ARCHITECTURE.md).' };
const officeAndDom = { group: ['exceljs', 'xlsx', '@microsoft/office-js', 'office-js', 'playwright-core'], message: 'engine/ and report/ use no Office, DOM or workbook library (ARCHITECTURE.md).' };
const testCode = { group: ['**/test/**', '**/test'], message: 'Nothing under src/ imports test code.' };
const engineInternals = { group: ['**/engine/*', '**/engine/**'], message: 'Import the engine through its public entry: ../engine (src/engine/index.ts).' };
const layersAbove = (...layers) => ({ group: layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]), message: 'A lower layer imports no layer above it (ARCHITECTURE.md).' });

/** One no-restricted-imports rule per folder (a later config replaces a rule, so each folder lists all of its own). */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'test-artifacts/**', 'node_modules/**', 'assets/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused code: variables, imports, parameters (a leading _ marks one kept on purpose), expressions.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': 'error',
      'no-unreachable': 'error',
      // The CLI writes through its streams and the pane through the DOM; a stray console call is a leftover.
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: restrict(nodeModules, officeAndDom, testCode, layersAbove('report', 'excel', 'cli', 'taskpane', 'functions', 'commands', 'simulator', 'preview')),
  },
  {
    files: ['src/report/**/*.ts'],
    rules: restrict(nodeModules, officeAndDom, testCode, engineInternals, layersAbove('excel', 'cli', 'taskpane', 'functions', 'commands', 'simulator', 'preview')),
  },
  {
    files: ['src/engine/**/*.ts', 'src/report/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'self', 'Office', 'Excel', 'process', 'Buffer', 'require', '__dirname'] },
  },
  // i18n/ holds strings only: nothing from outside src/i18n (a parent-folder import leaves it).
  {
    files: ['src/i18n/*.ts'],
    rules: restrict(nodeModules, testCode, { group: ['../*'], message: 'i18n/ holds strings only and imports nothing outside src/i18n.' }),
  },
  {
    files: ['src/i18n/*/**/*.ts'],
    rules: restrict(nodeModules, testCode, { group: ['../../*'], message: 'i18n/ holds strings only and imports nothing outside src/i18n.' }),
  },
  // page.evaluate callbacks run in the browser, where the preview's globals (window.rfmPreview) have no types.
  {
    files: ['test/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(testCode, engineInternals),
  },
  {
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.ts', 'src/functions/**/*.ts', 'src/commands/**/*.ts', 'src/simulator/**/*.ts', 'src/preview/**/*.ts'],
    rules: restrict(nodeModules, testCode, engineInternals),
  },
);
