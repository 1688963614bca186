// Lint rules. The environment boundaries of DEVELOPERS.md are enforced here (and by the three tsc
// projects), so a stray import is a build error, not a code-review comment:
//   shared/   pure TypeScript: no node:*, no Electron, no React, no db/ or renderer/
//   db/       Node allowed, never Electron, React or the renderer
//   renderer/ never Node, Electron, the database or db/
//   electron/ the only place that imports Electron; never the renderer
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'http', 'url', 'util', 'zlib', 'events', 'buffer'];

/** Builds a no-restricted-imports rule from forbidden module patterns and a reason. */
function forbid(groups) {
  return ['error', { patterns: groups.map(([group, message, allowTypeImports = false]) => ({ group, message, allowTypeImports })) }];
}

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.scratch/', 'build/', 'out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', '.bench-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': forbid([
        [nodeBuiltins, 'shared/ is pure TypeScript: no Node built-ins.'],
        [['electron', 'electron/*'], 'shared/ never imports Electron.'],
        [['react', 'react-dom', 'react-dom/*'], 'shared/ never imports React.'],
        [['better-sqlite3*', 'exceljs', 'papaparse', 'pdf-lib', '@pdf-lib/*'], 'shared/ holds no I/O libraries; put this in db/.'],
        [['**/db/**', '**/renderer/**', '**/electron/**'], 'shared/ depends on nothing else in the project.'],
      ]),
    },
  },
  {
    files: ['db/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [['electron', 'electron/*'], 'db/ and domain services must run in plain Node: never Electron.'],
        [['react', 'react-dom', 'react-dom/*', '**/renderer/**'], 'db/ never imports the renderer.'],
        [['**/electron/**'], 'db/ never imports the Electron shell.'],
        [['better-sqlite3*'], 'only db/store/ opens SQLite; take a connection (type imports are fine).', true],
      ]),
    },
  },
  {
    // The store is the one place that opens SQLite.
    files: ['db/store/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [['electron', 'electron/*', '**/electron/**'], 'db/ must run in plain Node: never Electron.'],
        [['react', 'react-dom', 'react-dom/*', '**/renderer/**'], 'db/ never imports the renderer.'],
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid([
        [nodeBuiltins, 'the renderer never uses Node; call the backend through renderer/src/api.ts.'],
        [['electron', 'electron/*', '**/electron/**'], 'the renderer never imports Electron; the preload exposes the contract.'],
        [['better-sqlite3*', '**/db/**'], 'the renderer never touches the database; go through the typed contract.'],
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([[['**/renderer/**'], 'the shell never imports renderer code.']]),
    },
  },
);
