/** Native ESM jest with @swc/jest; type-checking is `npm run typecheck`. */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", importAttributes: true },
          target: "es2022",
          experimental: { keepImportAttributes: true },
        },
        module: { type: "es6" },
      },
    ],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 60000,
  // Most suites wait on git and child processes, so one worker per core (not
  // jest's cores - 1) cuts the suite by a third on a 2-core machine.
  maxWorkers: "100%",
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  // `npm test` always measures coverage, so CI enforces the thresholds below.
  collectCoverage: true,
  coverageReporters: ["text-summary", "json-summary"],
  collectCoverageFrom: [
    "core/**/*.ts",
    "cli/**/*.ts",
    "actions/**/*.ts",
    "app/**/*.ts",
    "!core/generated/**",
  ],
  coverageThreshold: {
    "./core/": { statements: 92, branches: 85, functions: 92, lines: 94 },
    "./cli/": { statements: 75, branches: 60, functions: 75, lines: 75 },
  },
};
