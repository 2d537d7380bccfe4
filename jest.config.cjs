/** Unit, workbook, host, run and UI tests. The LibreOffice/Chromium suites live in jest.e2e.config.cjs. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', isolatedModules: true, module: 'commonjs' }, diagnostics: false }] },
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
};
