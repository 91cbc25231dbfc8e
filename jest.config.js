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
  collectCoverageFrom: ["core/**/*.ts", "cli/**/*.ts", "actions/**/*.ts", "app/**/*.ts"],
  coverageThreshold: {
    "./core/": { statements: 98, branches: 94, functions: 97, lines: 99 },
  },
};
