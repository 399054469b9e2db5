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
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'bench/results/**', 'e2e/screenshots/**'] },
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
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs', 'bin/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
