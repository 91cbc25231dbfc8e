// A narrated run of Snapgate's main job on the embedded default (a local
// directory store): keys, a pre-deploy snapshot, a change, a post-deploy
// snapshot, list, diff, verify, restore, and a comparison with the original.
// Needs only the committed bundle in dist/ (no `npm ci`). `--github` runs the
// second act instead (scripts/demo-github.ts, which needs `npm ci`).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

// Act two (`npm run demo -- --github`): the release flow on the local GitHub
// sandbox with the real app and the bundled actions. It is TypeScript run by
// tsx, a dev dependency, so it needs `npm ci`; act one below needs only dist/.
if (process.argv.includes("--github")) {
  const require = createRequire(import.meta.url);
  let tsx;
  try {
    const manifest = require.resolve("tsx/package.json");
    tsx = join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin);
  } catch {
    console.error(
      "demo --github: the second act runs TypeScript with tsx and the sandbox, which come with the dev dependencies.\nRun npm ci first, then npm run demo -- --github. (npm run demo alone needs only the committed dist/.)",
    );
    process.exit(1);
  }
  const script = fileURLToPath(new URL("./demo-github.ts", import.meta.url));
  const run = spawnSync(process.execPath, [tsx, script], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

const cliPath = fileURLToPath(new URL("../dist/cli/index.js", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "snapgate-demo-"));
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

function say(text) {
  console.log(`\n${bold(`# ${text}`)}`);
}

function snapgate(...args) {
  console.log(`$ snapgate ${args.join(" ")}`);
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: work,
    encoding: "utf8",
    // The stat cache stays in the demo's folder, not in ~/.cache.
    env: { ...process.env, SNAPGATE_CACHE_DIR: join(work, ".cache") },
  });
  process.stdout.write(run.stderr);
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    console.error(
      `demo: that command failed (exit ${run.status}); the demo stops here. Files are in ${work}`,
    );
    process.exit(1);
  }
  return run.stdout.trim();
}

function write(path, text, mode = 0o644) {
  mkdirSync(join(work, path, ".."), { recursive: true });
  writeFileSync(join(work, path), text, { mode });
}

function tree(root) {
  const files = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(root, full)] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return files;
}

say(`An example deploy repository in ${work}`);
write(
  "config/deploy/prod/api/config.yaml",
  "db:\n  host: db.internal\n  schemaVersion: 42\nreplicas: 3\n",
);
write("config/deploy/prod/db/VERSION", "42\n");
write(
  "config/deploy/prod/.env",
  "DATABASE_PASSWORD=correct-horse-battery-staple\nSTRIPE_KEY=sk_test_demo\n",
  0o600,
);
write(
  "config/k8s/api/deployment.yaml",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n",
);
write(
  "config/terraform/prod/main.tf",
  'resource "aws_db_instance" "payments" {\n  instance_class = "db.r6g.large"\n}\n',
);
write("config/helm/values-prod.yaml", "image:\n  tag: 1.4.2\nresources:\n  limits:\n    cpu: 2\n");
write("config/flags/export.json", '{"checkout-v2": true, "dark-mode": false}\n');
write("config/build/output.log", "transient build noise\n");
console.log(
  Object.keys(tree(join(work, "config")))
    .map((p) => `  config/${p}`)
    .join("\n"),
);

say(
  "Keys: an age identity (decrypts; the restore environment's secret) and a writer key (the snapshot job's secret)",
);
const recipient = snapgate("keygen", "--out", "keys/restore-identity.txt");
const verifyKey = snapgate("keygen", "--writer", "--out", "keys/writer.key");

say("Pre-deploy snapshot: encrypted, signed, build logs excluded");
const common = [
  "--store",
  "backups",
  "--env",
  "prod",
  "--recipient",
  recipient,
  "--writer-key",
  "keys/writer.key",
];
snapgate(
  "snapshot",
  ...common,
  "--phase",
  "pre",
  "--commit",
  "4f2a9c1",
  "--change-id",
  "CHG0001234",
  "--exclude",
  "**/*.log",
  "config",
);
cpSync(join(work, "config"), join(work, "before-deploy"), { recursive: true });

say("The deploy changes configuration: replicas 3 -> 5, a new flag, a removed Terraform file");
write(
  "config/k8s/api/deployment.yaml",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 5\n",
);
write(
  "config/flags/export.json",
  '{"checkout-v2": true, "dark-mode": true, "new-pricing": false}\n',
);
rmSync(join(work, "config/terraform/prod/main.tf"));

say("Post-deploy snapshot: only the changed files are encrypted and stored again");
snapgate(
  "snapshot",
  ...common,
  "--phase",
  "post",
  "--commit",
  "4f2a9c1",
  "--skip-unchanged",
  "--exclude",
  "**/*.log",
  "config",
);

say("Nothing changed since: --skip-unchanged writes nothing");
snapgate(
  "snapshot",
  ...common,
  "--phase",
  "scheduled",
  "--skip-unchanged",
  "--exclude",
  "**/*.log",
  "config",
);

say("List the snapshots (from the catalog; nothing is decrypted)");
snapgate("list", "--store", "backups");

say("What the deploy changed, by keyed blob id (no decryption)");
snapgate("diff", "prod@1", "prod@2", "--store", "backups");

say(
  "Verify every snapshot at restore level: signatures, hash chain, blob hashes, and decrypt everything",
);
snapgate(
  "verify",
  "--all",
  "--store",
  "backups",
  "--verify-key",
  verifyKey,
  "--identity",
  "keys/restore-identity.txt",
);

say("Roll back: restore the pre-deploy snapshot into a new folder");
snapgate(
  "restore",
  "prod@1",
  "--store",
  "backups",
  "--identity",
  "keys/restore-identity.txt",
  "--verify-key",
  verifyKey,
  "--to",
  "restored",
);

say("Compare the restored folder with the tree as it was before the deploy");
const expected = tree(join(work, "before-deploy"));
delete expected["build/output.log"];
const actual = tree(join(work, "restored/config"));
const same = JSON.stringify(expected) === JSON.stringify(actual);
console.log(
  same
    ? `identical: ${Object.keys(actual).length} files match byte for byte`
    : "DIFFERENT: the restore does not match",
);

say("The backup store holds no plaintext");
const plaintextLeak = spawnSync(
  "grep",
  ["-rl", "correct-horse-battery-staple", join(work, "backups")],
  { encoding: "utf8" },
).stdout.trim();
console.log(plaintextLeak ? `LEAK: ${plaintextLeak}` : "grep finds no secret in backups/");

console.log(`\nDone. Everything is in ${work} (delete it when you are finished).`);
process.exit(same && !plaintextLeak ? 0 : 1);
