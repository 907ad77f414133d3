// Lint for the whole project (run by `npm test` through `npm run lint`).
// - typescript-eslint's recommended rules;
// - the hooks rules for the Preact components (Preact's hooks follow React's rules);
// - the import boundary: src/core is pure (no edge, ui, adapters, DOM or Node), src/edge never imports the UI.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CORE_FORBIDDEN_IMPORTS = [
  {
    group: ['**/edge/**', '**/ui/**', '**/adapters/**', '**/entry/**', '**/sandbox/**'],
    message: 'src/core is pure: it may not import the edge, the UI, adapters, entries or the sandbox.',
  },
  {
    group: ['node:*', 'fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process'],
    message: 'src/core may not use Node APIs: pass what it needs in.',
  },
  {
    group: ['fhirclient', 'fhirclient/*', 'preact', 'preact/*', 'msw', 'msw/*'],
    message: 'src/core may not depend on I/O or UI libraries.',
  },
];

/** Globals that mean I/O or the DOM; the core takes time, ids and data as parameters instead. */
const CORE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'fetch',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'XMLHttpRequest',
  'process',
  'crypto',
  'setTimeout',
  'setInterval',
].map((name) => ({ name, message: 'src/core is pure: no I/O, DOM, clock or platform globals.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/entry/**/*.tsx', 'sandbox/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_FORBIDDEN_IMPORTS }],
      'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS],
    },
  },
  {
    files: ['src/edge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', 'preact', 'preact/*'],
              message: 'The edge does I/O for the UI; it never imports it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
