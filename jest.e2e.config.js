/**
 * The task pane end-to-end test in headless Chromium (`npm run test:e2e`, which builds
 * dist/ and the stand-in host first). Needs Debian's chromium at /usr/bin/chromium.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testTimeout: 120_000,
  maxWorkers: 1,
  transform: { "^.+\\.ts$": ["ts-jest", {}] },
};
