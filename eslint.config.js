// Flat config: the recommended rules of @eslint/js and typescript-eslint (not the type-checked presets: too slow here).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'portal/dist/**', 'coverage/**', '.azurite/**'] },
  {
    files: [
      'functions/**/*.ts',
      'shared/**/*.ts',
      'rules/**/*.ts',
      'local/**/*.ts',
      'test/**/*.ts',
      'portal/src/**/*.ts',
      '*.ts',
      'portal/*.ts',
    ],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter a signature requires, a destructured leftover).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['portal/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The product's code stays in files a reader can hold in mind (issue 12): 300 lines of code.
    files: ['shared/**/*.ts', 'functions/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
);
