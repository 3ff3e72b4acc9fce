// @ts-check
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (README, "Layout of the code"). Paths are resolved, so `../../features/x` and
// `../x` are judged by where they land, not by how they are spelled. The feature list is read from
// the disk so that a new feature is fenced in without touching this file.
const features = readdirSync(join(import.meta.dirname, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** @type {{ target: string | string[], from: string | string[], except?: string[], message: string }[]} */
const boundaryZones = [
  // A feature never imports another feature: what two features share moves to lib/ or components/,
  // and pages that combine features are composed in app/.
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: `The ${feature} feature must not import another feature; move shared code to src/lib or src/components, or compose in src/app.`,
  })),
  {
    target: ['./src/lib', './src/components', './src/config', './src/testing'],
    from: './src/features',
    message: 'Shared code must not import a feature.',
  },
  {
    // Only main.tsx (and the app's own files) may import the app.
    target: ['./src/features', './src/lib', './src/components', './src/config', './src/testing', './mocks', './scripts', './e2e'],
    from: './src/app',
    message: 'Nothing imports src/app: the app composes the rest, not the other way round.',
  },
  {
    // The mock tenant stands apart: it may reuse shared code (the CREST parser, the vocabulary),
    // never a feature's or the app's code, so it cannot drift into agreeing with the console's bugs.
    target: './mocks',
    from: ['./src/features', './src/app'],
    message: 'The mock tenant must not import features or the app.',
  },
];

const consoleMustNotImportMocks = {
  target: './src',
  from: './mocks',
  message: 'The console must not import the mock tenant (main.tsx loads it lazily, only when config.json asks for it).',
};

export default tseslint.config(
  { ignores: ['dist', 'tmp', 'test-results', 'playwright-report', 'public/mockServiceWorker.js', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // import-x reads the imported TypeScript files itself (for no-cycle); tell it how.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
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
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: boundaryZones }],
      // A cycle makes module start-up order matter and hides which way a dependency should go.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The console (not its tests, which go through MSW, nor main.tsx, below) never imports mocks/.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main.tsx', 'src/testing/**', '**/*.test.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: [...boundaryZones, consoleMustNotImportMocks] }],
    },
  },
  {
    // main.tsx may load the mock tenant only with a dynamic import(), so that a build for a real
    // tenant carries no MSW code. The core rule sees static imports and re-exports, not import().
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/mocks', '**/mocks/**'], message: 'Load the mock tenant lazily: `await import(...)`, only when config.json asks for it.' }] },
      ],
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
