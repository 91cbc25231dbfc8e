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
          parser: { syntax: "typescript" },
          target: "es2022",
          experimental: { keepImportAttributes: true },
        },
        module: { type: "es6" },
      },
    ],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 60000,
  collectCoverageFrom: ["core/**/*.ts", "cli/**/*.ts", "actions/**/*.ts", "app/**/*.ts"],
  coverageThreshold: {
    "./core/": { statements: 85, branches: 75, functions: 85, lines: 85 },
  },
};
