import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '*.js', '*.mjs'] },
  ...tseslint.configs.strict,
  {
    rules: {
      'no-console': 'error',
      // With noUncheckedIndexedAccess, indexed reads in hot loops need `!` after a bounds check.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**', 'dialogs/**'],
    ignores: ['dialogs/dialog-framework.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'botbuilder-dialogs',
              allowTypeImports: true,
              message:
                'Its entry point loads every prompt and text recognizer (~25 MB resident): ' +
                'import from dialogs/dialog-framework.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Entry points (CLIs, benchmarks) may write to the terminal.
    files: ['src/cli/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
