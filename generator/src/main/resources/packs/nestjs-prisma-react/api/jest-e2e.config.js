/** End-to-end tests: the real AppModule against PostgreSQL (DATABASE_URL), one file at a time. */
process.env.JWT_SECRET = process.env.JWT_SECRET || 'e2e-only-secret';
process.env.PHI_ENCRYPTION_KEY = process.env.PHI_ENCRYPTION_KEY || 'e2e-only-phi-key';

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: 'test/.*\\.e2e-spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
};
