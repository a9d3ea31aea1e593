/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Gives better-sqlite3 each test file's own SqliteError class; see the file.
  setupFiles: ['<rootDir>/test/helpers/sqlite-error-realm.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {}],
  },
  testTimeout: 30000,
};
