import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { ownTables } from './eslint/ownTables.js';
import { wordsInCatalogues } from './eslint/wordsInCatalogues.js';

const coop = {
  rules: { 'own-tables': ownTables, 'words-in-catalogues': wordsInCatalogues },
};

export default tseslint.config(
  // schema.d.ts is generated (scripts/apiTypes.ts).
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'web/src/api/schema.d.ts',
      'migrations/',
      'data/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { coop },
    rules: { 'coop/own-tables': 'error' },
  },
  {
    // Every word a person reads goes through the message catalogues (web/src/*/messages.ts), so
    // that the German app is complete: every screen, a new domain's included.
    files: ['web/src/**/*.tsx'],
    plugins: { coop },
    rules: { 'coop/words-in-catalogues': 'error' },
  },
);
