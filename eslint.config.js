import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { ownTables } from './eslint/ownTables.js';

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
    plugins: { coop: { rules: { 'own-tables': ownTables } } },
    rules: { 'coop/own-tables': 'error' },
  },
);
