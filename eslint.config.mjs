// ESLint: typescript-eslint's recommended rules, plus the rule that keeps shared/ pure:
// no electron, node:*, react, prosemirror-view, window or document there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = {
  paths: [
    { name: 'electron', message: 'shared/ is pure: no Electron.' },
    { name: 'react', message: 'shared/ is pure: no React.' },
    { name: 'react-dom', message: 'shared/ is pure: no React.' },
    { name: 'prosemirror-view', message: 'shared/ is pure: no prosemirror-view.' },
    { name: 'fs', message: 'shared/ is pure: no Node built-ins.' },
    { name: 'path', message: 'shared/ is pure: no Node built-ins.' },
    { name: 'os', message: 'shared/ is pure: no Node built-ins.' },
    { name: 'child_process', message: 'shared/ is pure: no Node built-ins.' },
    { name: 'crypto', message: 'shared/ is pure: no Node built-ins.' },
  ],
  patterns: [{ group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' }],
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
    },
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs', 'bin/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
