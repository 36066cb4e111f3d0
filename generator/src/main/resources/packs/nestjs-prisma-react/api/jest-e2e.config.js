/** End-to-end tests: the real AppModule against PostgreSQL (DATABASE_URL), one file at a time. */
// keys for this test run only, random unless given (the workers inherit them): nothing to hard-code
const { randomBytes } = require('node:crypto');
process.env.JWT_SECRET = process.env.JWT_SECRET || randomBytes(32).toString('hex');
process.env.PHI_ENCRYPTION_KEY = process.env.PHI_ENCRYPTION_KEY || randomBytes(32).toString('hex');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: 'test/.*\\.e2e-spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
};
