// Bundles the CLI and every action into dist/ with esbuild. CI rebuilds and
// fails if dist/ differs from what is committed (a stale bundle).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const banner = {
  js: 'import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);',
};

const entries = [
  { in: "cli/index.ts", out: "cli/index" },
  // Loaded by URL from every edge that snapshots or restores: dist/workers/crypto-worker.js.
  { in: "core/crypto/crypto-worker.ts", out: "workers/crypto-worker" },
];
// An action is a directory of actions/ with an action.yml; its entry is index.ts (which
// runs main.ts), bundled to dist/actions/<name>/index.js, the file its action.yml names.
if (existsSync("actions")) {
  for (const name of readdirSync("actions").sort()) {
    if (!existsSync(join("actions", name, "action.yml"))) continue;
    if (!existsSync(join("actions", name, "index.ts")))
      throw new Error(`actions/${name} has an action.yml but no index.ts to bundle.`);
    entries.push({ in: `actions/${name}/index.ts`, out: `actions/${name}/index` });
  }
}

// age-encryption imports post-quantum, P-256 and noble's X25519 code at load (~60 ms per
// process and per worker), for key types Snapgate never uses: it accepts only age X25519
// keys and computes X25519 with libsodium (core/crypto/age-x25519.ts). The bundles get
// stand-ins that fail loudly if the library ever reaches them (docs/adr/0006).
const UNUSED_BY_AGE = {
  "@noble/post-quantum/hybrid.js": ["MLKEM768P256", "MLKEM768X25519"],
  "@noble/curves/nist.js": ["p256"],
  "@noble/curves/ed25519.js": ["x25519"],
};
const ageX25519Only = {
  name: "age-x25519-only",
  setup(build) {
    build.onResolve(
      { filter: /^@noble\/(post-quantum\/hybrid|curves\/nist|curves\/ed25519)\.js$/ },
      (args) =>
        /[\\/]node_modules[\\/]age-encryption[\\/]/.test(args.importer)
          ? { path: args.path, namespace: "age-x25519-only" }
          : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "age-x25519-only" }, (args) => ({
      loader: "js",
      contents:
        `const unsupported = (name) => new Proxy(function () {}, { get() { fail(name); }, apply() { fail(name); } });\n` +
        `function fail(name) { throw new Error(name + " from ${args.path} is left out of Snapgate's bundle: Snapgate uses only age X25519 keys (age1..., AGE-SECRET-KEY-1...)."); }\n` +
        UNUSED_BY_AGE[args.path]
          .map((name) => `export const ${name} = unsupported("${name}");`)
          .join("\n"),
    }));
  },
};

// Precompiled schema validators first: the bundles import them.
execFileSync(process.execPath, ["scripts/compile-validators.js"], { stdio: "inherit" });
rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Lazily imported libraries (libsodium, age) become chunks loaded on first use.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  banner,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  // Byte-identical output on every machine, so CI can compare dist/.
  metafile: false,
  plugins: [ageX25519Only],
});
// The app is a server installed with `npm ci`: its dependencies (probot, octokit,
// libsodium...) stay in node_modules, and its own code (app/ and core/) is one
// file. A build of its own keeps the CLI's and actions' chunks unchanged.
let bundles = entries.length;
if (existsSync("app/index.ts")) {
  await build({
    entryPoints: { "app/index": "app/server.ts" },
    outdir: "dist",
    bundle: true,
    packages: "external",
    platform: "node",
    target: "node20",
    format: "esm",
    banner,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
    metafile: false,
  });
  bundles += 1;
}
console.log(`built ${bundles} bundle(s) into dist/`);
