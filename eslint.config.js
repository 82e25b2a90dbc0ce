// ESLint flat config (ESLint 10 + typescript-eslint 8). `npm run lint` = zero warnings allowed.
//
// TypeScript (packages/*/src, packages/*/*.config.ts, e2e, bench): type-aware linting through the
// project service (each file is checked with the tsconfig.json that includes it) with
// typescript-eslint's recommended-type-checked set, plus as errors: no-floating-promises,
// switch-exhaustiveness-check, eqeqeq.
// Plain JS (scripts/*.mjs, this file): a few syntax-level rules only (no tsconfig covers them).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_FILES = [
  'packages/*/src/**/*.{ts,tsx,mts,cts}',
  'packages/*/*.config.{ts,mts}',
  'e2e/**/*.{ts,tsx,mts}',
  'bench/**/*.{ts,tsx,mts}',
];

// Core rules worth having everywhere (ESLint's own recommended set lives in @eslint/js, which we
// do not install; typescript-eslint's recommended set already covers what the compiler doesn't).
const baseRules = {
  eqeqeq: ['error', 'always'],
  'no-constant-binary-expression': 'error',
  'no-self-compare': 'error',
  'no-unsafe-finally': 'error',
  'no-cond-assign': 'error',
  'no-debugger': 'error',
  'no-dupe-else-if': 'error',
  'no-duplicate-case': 'error',
  'no-empty-pattern': 'error',
  'no-unreachable-loop': 'error',
  'no-useless-catch': 'error',
  'no-sparse-arrays': 'error',
  'no-async-promise-executor': 'error',
  'no-template-curly-in-string': 'error',
  'prefer-const': 'error',
  'no-var': 'error',
};

// packages/core is pure: zod and relative imports only (no node built-ins, no other package).
const CORE_ONLY_ZOD =
  'packages/core is pure: import only zod and relative modules (no node built-ins, no I/O packages).';
const coreRestriction = (extraAllowed) => [
  'error',
  {
    patterns: [
      {
        regex: `^(?!(zod|zod/.*|\\.|\\.\\.|\\./.*|\\.\\./.*${extraAllowed.map((a) => `|${a}`).join('')})$)`,
        message: CORE_ONLY_ZOD,
      },
    ],
  },
];

export default defineConfig(
  {
    name: 'hipwise/ignores',
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/data/',
      '**/coverage/',
      '**/.tmp/',
      'docs/',
      'packages/web/public/',
    ],
  },
  {
    name: 'hipwise/js',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...baseRules,
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    name: 'hipwise/ts',
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...baseRules,
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test()/describe() return promises the runner tracks itself
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Relaxed or off because they fight idioms rather than catch bugs:
      // - require-await: interface implementations are `async` without awaiting anything (they
      //   satisfy a Promise-returning interface); Hono handlers likewise.
      '@typescript-eslint/require-await': 'off',
      // - no-misused-promises: React's `onClick={async () => …}` / `onSubmit={handleSubmit}` is
      //   the idiom; still checked everywhere else (conditionals, spreads, other void callbacks).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // - no-empty-object-type: `interface Props extends Base {}` and zod-derived
      //   `interface X extends z.infer<typeof S> {}` are fine; `{}` as a type is still an error.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    name: 'hipwise/core-purity',
    files: ['packages/core/src/**/*.{ts,tsx}'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/testing/fhir-schema.ts'],
    rules: {
      'no-restricted-imports': coreRestriction([]),
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'fetch'].map((name) => ({
          name,
          message: 'packages/core is pure: no I/O or environment access; pass what you need in.',
        })),
      ],
    },
  },
  {
    name: 'hipwise/core-tests',
    files: ['packages/core/src/**/*.test.ts', 'packages/core/src/testing/fhir-schema.ts'],
    rules: {
      // Tests (and the FHIR schema loader they share) may read fixtures from disk and validate
      // with ajv (and generate cases with fast-check); the code under test still may not.
      'no-restricted-imports': coreRestriction([
        'node:test',
        'node:assert',
        'node:assert/strict',
        'node:fs',
        'ajv',
        'fast-check',
      ]),
    },
  },
);
