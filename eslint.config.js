import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * The layers, enforced (README, "Project layout"):
 * - only electron/adapters/ imports a database driver (mongodb, @aws-sdk/*). Value and parsing
 *   libraries are not drivers and stay allowed where they are used: bson (the renderer's filter
 *   parser), mongodb-connection-string-url (settings reads URLs with it),
 *   @smithy/core/config (settings reads ~/.aws/config with it);
 * - electron/migration/ imports neither electron/api/ nor electron/transports/;
 * - shared/ imports nothing Node-only and nothing from electron/ or renderer/;
 * - renderer/ imports only renderer/, shared/ and npm packages meant for the browser.
 * Tests, test helpers, bench/, scripts/, test/ and e2e/ may import anything.
 * scripts/lint-layers.test.ts proves each rule fails on a violation.
 */

/**
 * Files outside electron/adapters/ that still use a driver directly. The pipeline (copy,
 * checkpoint, verify) reads and writes through ports (electron/adapters/ports.ts); left are the
 * forward conversion's value types, and the features that exist from MongoDB to DynamoDB only
 * (change capture, the S3 export, the plan's DynamoDB sizes). Only shrink this list; a new file
 * that imports a driver fails lint.
 */
export const DRIVER_IMPORTS_UNTIL_PORTS = [
  'electron/migration/change-capture/apply-changes.ts',
  'electron/migration/compare-items.ts',
  'electron/migration/convert-document.ts',
  'electron/migration/export-collection.ts',
  'electron/migration/plan-migration.ts',
  'electron/migration/plan-trust.ts',
  // Writes the sample data through the driver: a target port's job too.
  'electron/sandbox/sample-data/load-sample-data.ts',
  'electron/sandbox/live-writer.ts',
  // BSON values from the driver's own copy: an ESM `import 'bson'` loads a second copy whose
  // classes fail the driver side's instanceof checks (Long would reach the wire as a double).
  'electron/sandbox/sample-data/generators.ts',
  'electron/sandbox/sample-data/known-problems.ts',
];

const drivers = {
  regex: '^(mongodb|@aws-sdk/.*)$',
  message: 'Only electron/adapters/ imports a database driver: go through an adapter (README, "Project layout").',
};
const nodeOnly = {
  regex: `^(node:.*|electron|ws|(${builtinModules.join('|')})(/.*)?)$`,
  message: 'Node-only module: shared/ and renderer/ run in the browser too.',
};
const mainProcessFolders = {
  regex: '^(\\.\\./)+(electron|bench|test|scripts|e2e)(/|$)',
  message: 'The renderer reaches the main process only through the contract (shared/contract.ts).',
};
const sharedUpward = {
  regex: '^\\.\\./(electron|renderer)(/|$)',
  message: 'shared/ is the bottom layer: it imports nothing from electron/ or renderer/.',
};
const migrationUpward = {
  regex: '^\\.\\./(api|transports)(/|$)',
  message: 'The migration engine sits below the api and the transports: move what both need down (e.g. into adapters/).',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // One block per folder: a later block's no-restricted-imports replaces an earlier one's, so
  // each block lists every rule that applies to its files.
  { files: ['electron/**/*.ts'], ignores: ['electron/adapters/**', 'electron/migration/**'], rules: restrict(drivers) },
  { files: ['electron/migration/**/*.ts'], rules: restrict(drivers, migrationUpward) },
  { files: DRIVER_IMPORTS_UNTIL_PORTS, rules: { 'no-restricted-imports': 'off' } },
  { files: DRIVER_IMPORTS_UNTIL_PORTS.filter((f) => f.startsWith('electron/migration/')), rules: restrict(migrationUpward) },
  { files: ['shared/**/*.ts'], rules: restrict(drivers, nodeOnly, sharedUpward) },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer is sandboxed: it reaches data only through the contract.
      ...restrict(drivers, nodeOnly, mainProcessFolders),
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'bench/**', 'scripts/**', 'test/**', 'e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
