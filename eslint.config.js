import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".tmp/**", "core/generated/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // core/ is the pure library: edges (actions, app, cli) import it, never the reverse.
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@actions/*"],
              message:
                "core/ must not import @actions/*: read inputs in actions/ and pass values in.",
            },
            {
              group: ["probot", "probot/*"],
              message: "core/ must not import probot: keep handlers in app/.",
            },
            {
              group: ["**/cli/**", "**/actions/**", "**/app/**", "**/sandbox/**"],
              message: "core/ must not import an edge.",
            },
          ],
        },
      ],
    },
  },
  {
    // Policy is a floor below snapshots, stores and the gate (issue 9): the gate, which reads
    // snapshots, lives in core/gate/ above both.
    files: ["core/policy/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@actions/*", "probot", "probot/*"],
              message: "core/ must not import edges.",
            },
            {
              group: ["**/cli/**", "**/actions/**", "**/app/**", "**/sandbox/**"],
              message: "core/ must not import an edge.",
            },
            {
              group: [
                "**/snapshot/**",
                "**/store/**",
                "**/gate/**",
                "**/approvals/**",
                "**/audit/**",
              ],
              message:
                "core/policy/ must not import snapshot, store, gate, approvals or audit: put code that needs them in core/gate/ or above.",
            },
          ],
        },
      ],
    },
  },
);
