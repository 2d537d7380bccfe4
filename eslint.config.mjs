// ESLint flat config. `npm run lint` = eslint src test --max-warnings 0.
// Besides typescript-eslint's recommended rules, it enforces ARCHITECTURE.md's one rule (arrows
// point down: a lower layer never imports a higher one) and keeps Office.js in its two places.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const UI_PACKAGES = ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*', '@testing-library/*'];
const OFFICE_PACKAGES = ['@microsoft/office-js', '@microsoft/office-js/*'];
const XLSX_PACKAGES = ['exceljs', 'exceljs/*', 'fflate', 'saxes', '@xmldom/*'];

/** A relative import that reaches into one of `folders` (e.g. '../hosts/host', '../../run/pipeline'). */
function folderPattern(folders, message) {
  return { regex: `^(?:\\.{1,2}/)+(?:.*/)?(?:${folders.join('|')})(?:/|$)`, message };
}

function packagePattern(packages, message) {
  return { group: packages, message };
}

function nodePattern(message) {
  return { group: [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`), 'node:*'], message };
}

/** no-restricted-imports for one layer; options are not merged across config objects, so each layer lists all. */
function layer(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

const PURE = 'the engine is pure: plain typed data in, results and Problems out (ARCHITECTURE.md)';
const NO_UI = 'UI libraries belong to the front doors (src/taskpane, src/preview)';
const NO_OFFICE = 'Office.js is confined to src/hosts/office';
const BROWSER = 'the task pane runs in a browser: no Node built-ins, no file host, no CLI';

export default defineConfig(
  globalIgnores(['dist/', 'out/', 'coverage/', 'test-artifacts/', 'node_modules/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Privacy (SECURITY.md): the add-in writes nothing to the console or to logs, so no salary figure can
  // leak there. Only the command line prints, to its own stdout and stderr, what its user asked for.
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/cli/**'], rules: { 'no-console': 'error' } },

  // Layers: engine < workbook < hosts < run < front doors (taskpane, cli, preview).
  layer(['src/engine/**/*.{ts,tsx}'], [
    folderPattern(['workbook', 'hosts', 'run', 'sample', 'taskpane', 'cli', 'preview'], `engine imports nothing above it: ${PURE}`),
    packagePattern([...UI_PACKAGES, ...OFFICE_PACKAGES, ...XLSX_PACKAGES], PURE),
    nodePattern(`no Node APIs: ${PURE}`),
  ]),
  layer(['src/workbook/**/*.{ts,tsx}'], [
    folderPattern(['hosts', 'run', 'sample', 'taskpane', 'cli', 'preview'], 'workbook may import the engine only'),
    packagePattern([...UI_PACKAGES, ...OFFICE_PACKAGES, ...XLSX_PACKAGES], 'workbook knows Excel semantics, not any host API'),
    nodePattern('workbook runs in the browser too: no Node APIs'),
  ]),
  layer(['src/hosts/**/*.{ts,tsx}'], [
    folderPattern(['run', 'sample', 'taskpane', 'cli', 'preview'], 'hosts may import workbook and engine only'),
    packagePattern(UI_PACKAGES, NO_UI),
  ]),
  layer(['src/run/**/*.{ts,tsx}'], [
    folderPattern(['taskpane', 'cli', 'preview'], 'run may import engine, workbook and hosts only'),
    packagePattern([...UI_PACKAGES, ...OFFICE_PACKAGES], `${NO_UI}; ${NO_OFFICE}`),
  ]),
  layer(['src/sample/**/*.{ts,tsx}'], [
    folderPattern(['run', 'taskpane', 'cli', 'preview'], 'sample builds workbooks from engine and workbook types'),
    packagePattern([...UI_PACKAGES, ...OFFICE_PACKAGES], `${NO_UI}; ${NO_OFFICE}`),
  ]),
  layer(['src/taskpane/**/*.{ts,tsx}', 'src/preview/**/*.{ts,tsx}'], [
    folderPattern(['cli'], BROWSER),
    { regex: '(?:^|/)hosts/file(?:/|$)', message: BROWSER },
    packagePattern([...OFFICE_PACKAGES, ...XLSX_PACKAGES], `${BROWSER}; ${NO_OFFICE}`),
    nodePattern(BROWSER),
  ]),
  layer(['src/cli/**/*.{ts,tsx}'], [
    folderPattern(['taskpane', 'preview'], 'the CLI is a front door of its own'),
    packagePattern([...UI_PACKAGES, ...OFFICE_PACKAGES], `${NO_UI}; ${NO_OFFICE}`),
  ]),

  // Office.js globals: only the Office host and the task pane's bootstrap may say `Office.` or `Excel.`.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/hosts/office.ts', 'src/hosts/office/**', 'src/taskpane/index.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension', 'OfficeRuntime', 'CustomFunctions'].map((name) => ({
          name,
          message: `${NO_OFFICE} (and src/taskpane/index.tsx): pass plain data instead.`,
        })),
      ],
    },
  },

  // Build scripts (not part of `npm run lint`, but `npx eslint .` should pass on them).
  {
    files: ['**/*.cjs', 'webpack.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
