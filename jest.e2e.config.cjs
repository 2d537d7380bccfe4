/** End-to-end suites: LibreOffice formula parity and the preview in headless Chromium. */
const base = require('./jest.config.cjs');
module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 300000,
};
