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
    // that the German app is complete. Folders join this list as they are translated.
    files: [
      'web/src/main.tsx',
      'web/src/app/**/*.tsx',
      'web/src/finance/**/*.tsx',
      'web/src/members/**/*.tsx',
      'web/src/organizations/**/*.tsx',
      'web/src/coop/**/*.tsx',
      'web/src/audit/**/*.tsx',
      'web/src/webhooks/**/*.tsx',
      'web/src/bylaws/**/*.tsx',
      'web/src/governance/AmendmentChanges.tsx',
      'web/src/governance/AssignHoursForm.tsx',
      'web/src/governance/Availability.tsx',
      'web/src/governance/BudgetLines.tsx',
      'web/src/governance/CommunitySurvey.tsx',
      'web/src/governance/CyclePage.tsx',
      'web/src/governance/Cycles.tsx',
      'web/src/governance/ElectorateField.tsx',
      'web/src/governance/HackerDeclarations.tsx',
      'web/src/governance/Nominations.tsx',
      'web/src/governance/PhaseStepper.tsx',
      'web/src/governance/PollPage.tsx',
      'web/src/governance/PollResult.tsx',
      'web/src/governance/PublishedBallots.tsx',
      'web/src/governance/RankingEditor.tsx',
      'web/src/governance/RecordFunding.tsx',
      'web/src/governance/RoundTable.tsx',
      'web/src/governance/SponsorPoints.tsx',
      'web/src/governance/VoteForm.tsx',
      'web/src/governance/Votes.tsx',
      'web/src/governance/WorkItems.tsx',
      'web/src/invoicing/**/*.tsx',
      'web/src/transparency/**/*.tsx',
      'web/src/contributions/**/*.tsx',
      'web/src/agreements/**/*.tsx',
      'web/src/documents/**/*.tsx',
      'web/src/concerns/**/*.tsx',
    ],
    plugins: { coop },
    rules: { 'coop/words-in-catalogues': 'error' },
  },
);
