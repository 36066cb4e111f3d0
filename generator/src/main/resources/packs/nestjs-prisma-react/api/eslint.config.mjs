import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The API's lint rules: the recommended sets plus the ones that catch dead code (unused values, async
 * functions that await nothing, `void x` placeholders, empty classes). CI and the generator's proof run
 * `npm run lint`, which allows no warning.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**', 'jest-e2e.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'require-await': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "UnaryExpression[operator='void'][argument.type='Identifier']", message: 'a `void x` placeholder: remove the unused value instead' },
      ],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/no-empty-function': 'error',
      'no-console': 'error',
    },
  },
);
