// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'tmp', 'test-results', 'playwright-report', 'public/mockServiceWorker.js', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Unused arguments prefixed with _ are deliberate (handler signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Server data is rendered as text, never as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render server data as text, never as HTML.' },
      ],
      // Tokens never go to a log.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Imports flow one way: shared code never imports features or the app; the console never
    // imports the mock tenant (main.tsx loads it lazily, only when config.json asks for it).
    files: ['src/lib/**', 'src/components/**', 'src/config/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**', '**/mocks/**'], message: 'Shared code must not import features, the app or the mock tenant.' }] }],
    },
  },
  {
    files: ['src/features/**'],
    // Tests may use the mock tenant: they go through MSW.
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', '**/mocks/**'], message: 'A feature must not import the app or the mock tenant; compose features in src/app.' }] }],
    },
  },
  {
    files: ['mocks/**', 'scripts/**', 'e2e/**', 'playwright.config.ts', 'vite.config.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
