// ESLint (flat config): TypeScript rules from typescript-eslint, hook rules from react-hooks.
// `npm run lint` runs it; `npm test` runs it before the tests.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/results/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The rules of hooks; the React Compiler's extra rules are left off (the client is not compiled by it).
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // shared/api builds zod schemas when loaded: a value import puts zod and every schema in the
      // client's initial download. Types are free; constants live in zod-free modules in shared/.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)shared/api(/|$)', allowTypeImports: true, message: 'Import types only (import type); take constants from a zod-free module in shared/.' }],
      }],
    },
  },
  {
    // Tests and the bench read JSON answers loosely.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
