// Moved to sandbox/harness so the demo (scripts/demo-github.ts) and the tests share it.
export * from "../../sandbox/harness/keys.js";
