// Rules a machine checks (issue 17 §6): TypeScript's recommended lint, the
// layering of design.md as import boundaries, and no import cycles. `npm test`
// runs this first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Where each layer lives; a file belongs to the first that matches. */
const ELEMENTS = [
  { type: 'shared', pattern: 'shared/**' },
  { type: 'renderer', pattern: 'renderer/**' },
  { type: 'preload', pattern: 'electron/preload/**' },
  { type: 'services', pattern: 'electron/services/**' },
  { type: 'main', pattern: 'electron/main/**' },
  { type: 'tests', pattern: 'tests/**' },
  { type: 'tooling', pattern: ['bench/**', 'scripts/**'] },
];

/** A layer and the layers it may import. */
const layer = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } });

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'tests/fixtures/**/*.js', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { boundaries, 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'boundaries/elements': ELEMENTS.map((e) => ({ ...e, partialMatch: false })),
      'boundaries/include': ['shared/**', 'renderer/**', 'electron/**', 'tests/**', 'bench/**', 'scripts/**'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'electron/tsconfig.json'], noWarnOnMultipleProjects: true })],
      'import/resolver': { typescript: { project: ['tsconfig.json', 'electron/tsconfig.json'], noWarnOnMultipleProjects: true } },
    },
    rules: {
      // The layering of design.md: shared runs anywhere and imports nothing
      // from either side; the renderer never reaches into electron/; main
      // and its services are Node; the preload is only the bridge.
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            layer('shared', ['shared']),
            layer('renderer', ['renderer', 'shared']),
            layer('preload', ['preload', 'shared']),
            layer('services', ['services', 'shared']),
            layer('main', ['main', 'services', 'shared']),
            layer('tests', ['tests', 'shared', 'renderer', 'preload', 'services', 'main', 'tooling']),
            layer('tooling', ['tooling', 'shared', 'renderer', 'services', 'main', 'tests']),
            // Packages are the build's business, not the layering's (electron is restricted below).
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      // `a ? b() : c()` and `x && y()` as statements read fine and are used on purpose.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // The rules of hooks; the React Compiler's stricter rules stay off until the compiler is used.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Casebook strips and refuses control characters in hostile input on purpose: those regexes are the point.
      'no-control-regex': 'off',
    },
  },
  {
    // Services are plain Node modules: Electron comes in through injected deps, never by import.
    files: ['electron/services/**', 'shared/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload import Electron; services take what they need as injected dependencies.' }] }],
    },
  },
  {
    // Code that runs inside the page through Playwright's evaluate.
    files: ['scripts/make-icons.mjs'],
    languageOptions: { globals: { document: 'readonly' } },
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
