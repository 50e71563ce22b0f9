import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The web app's features, each its own world (bulletproof-react's rule): a feature talks to another
// only through the app's routes, never by importing it.
const webFeatures = ['auth', 'competitions', 'juror', 'organiser', 'results'];
const web = './apps/web/src';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/*.tsbuildinfo'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The ranking package runs in the browser too: no Node APIs outside its command line.
    files: ['packages/ranking/src/**/*.ts'],
    ignores: ['packages/ranking/src/cli.ts', 'packages/ranking/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*'] }] },
  },
  {
    // Import boundaries: the layout says who may depend on whom, and lint holds it.
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...webFeatures.map((feature) => ({
              target: `${web}/features/${feature}`,
              from: `${web}/features`,
              except: [`./${feature}`],
              message: 'A web feature does not import another feature: share through components/ or lib/, compose in app/.',
            })),
            {
              target: [`${web}/components`, `${web}/lib`, `${web}/styles`],
              from: [`${web}/features`, `${web}/app`],
              message: 'Shared web code does not depend on a feature or on the app shell.',
            },
            {
              // The one place that assembles every feature's translations.
              target: `${web}/i18n`,
              from: `${web}/features`,
              except: webFeatures.map((feature) => `./${feature}/locales`),
              message: 'i18n reads the features\' locales only.',
            },
            {
              target: `${web}/features`,
              from: `${web}/app`,
              message: 'A feature does not import the app shell (routes, providers): the app imports features.',
            },
            { target: './apps/web', from: './apps/server', message: 'The web app talks to the server over HTTP and the contract, never by import.' },
            { target: './apps/server', from: './apps/web', message: 'The server does not import web code.' },
            { target: './packages', from: './apps', message: 'Packages do not depend on the apps.' },
          ],
        },
      ],
    },
  },
);
