/** Unit and simulator tests run in Node; browser tests (test/e2e) need the production build. */
const tsJest = ['ts-jest', {}]; // tsconfig.json sets isolatedModules: ts-jest then transpiles each file alone (fast); tsc type-checks
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
