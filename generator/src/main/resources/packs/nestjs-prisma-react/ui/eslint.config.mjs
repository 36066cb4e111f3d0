import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The UI's lint rules: the recommended sets plus the ones that catch dead code (unused values, async
 * functions that await nothing, `void x` placeholders). CI and the generator's proof run `npm run lint`,
 * which allows no warning.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
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
      '@typescript-eslint/no-empty-function': 'error',
      'no-console': 'error',
    },
  },
);
