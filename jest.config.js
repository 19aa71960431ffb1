/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Browser end-to-end tests run with `npm run test:e2e` (jest.e2e.config.js).
  testPathIgnorePatterns: ["/node_modules/", "\\.e2e\\.test\\.ts$"],
  setupFiles: ["<rootDir>/test/support/node-timers.js"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  transform: { "^.+\\.ts$": ["ts-jest", {}] },
};
