// ESLint: typescript-eslint's recommended rules, plus the rule that keeps shared/ pure:
// no electron, no Node built-in (bare or node: name), react, prosemirror-view, window or document there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';

// Every Node built-in, by its bare name and its node: name (fs/promises, zlib and
// the rest, not a hand-kept few), generated from Node's own list so none is missed.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('node:'));
const impure = {
  paths: [
    { name: 'electron', message: 'shared/ is pure: no Electron.' },
    { name: 'react', message: 'shared/ is pure: no React.' },
    { name: 'react-dom', message: 'shared/ is pure: no React.' },
    { name: 'prosemirror-view', message: 'shared/ is pure: no prosemirror-view.' },
    ...nodeBuiltins.flatMap((name) => [
      { name, message: 'shared/ is pure: no Node built-ins.' },
      { name: `node:${name}`, message: 'shared/ is pure: no Node built-ins.' },
    ]),
  ],
  // node:test, node:sea and other built-ins that exist only under their node: name.
  patterns: [
    { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
    { group: ['react-dom/*', 'electron/*', 'prosemirror-view/*'], message: 'shared/ is pure: no React, Electron or prosemirror-view.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'bench/results/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', impure],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ is pure: no window.' },
        { name: 'document', message: 'shared/ is pure: no document.' },
        { name: 'process', message: 'shared/ is pure: no process.' },
        { name: 'require', message: 'shared/ is pure: no require.' },
        { name: '__dirname', message: 'shared/ is pure.' },
      ],
      // import('fs') would slip past no-restricted-imports, which sees only static imports.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'shared/ is pure: no dynamic import().' }],
    },
  },
  // The rules of hooks (and the React Compiler's checks) wherever React components and hooks live.
  {
    files: ['renderer/**/*.tsx', 'renderer/src/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  // The renderer's folders depend one way: src (the app: React, the bridge) → restore
  // (restoration plugins and commands) → editor (the ProseMirror core) → shared.
  // Tests may cross (a viewport test runs the witness check), as in shared/.
  {
    files: ['renderer/editor/**/*.ts'],
    ignores: ['renderer/editor/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?![./])(?!prosemirror-)',
              message: 'renderer/editor/ imports only shared/ and prosemirror-* packages (no React, no Electron): the app layer gives it the rest.',
            },
            {
              regex: '(^|/)restore(/|$)',
              message: 'renderer/editor/ may not import renderer/restore/: the app layer passes the restoration plugins in the editor options.',
            },
            {
              regex: '(^|/)src(/|$)',
              message: 'renderer/editor/ may not import renderer/src/ (the app layer and its bridge, api.ts): the app layer gives it what it needs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/restore/**/*.ts'],
    ignores: ['renderer/restore/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(react|react-dom)(/|$)', message: 'renderer/restore/ has no React: the app layer (renderer/src) renders its state.' },
            { regex: '^electron(/|$)', message: 'renderer/restore/ runs in the window: no Electron.' },
            {
              regex: '(^|/)src(/|$)',
              message: 'renderer/restore/ may not import renderer/src/ (the app layer and its bridge, api.ts): suggest, the glossary and notices come in through options.',
            },
          ],
        },
      ],
    },
  },
  // One module speaks to the app: renderer/src/api.ts.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/src/api.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'interlinea', message: 'Only renderer/src/api.ts uses window.interlinea: import `api` from there.' },
        { object: 'globalThis', property: 'interlinea', message: 'Only renderer/src/api.ts uses window.interlinea: import `api` from there.' },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs', 'bin/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
