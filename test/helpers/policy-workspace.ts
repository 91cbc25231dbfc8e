import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { makeKeys, type TestKeys } from "./keys.js";
import { runCli, type CliRun } from "./run-cli.js";

/**
 * A repository checkout with a policy, keys on disk and a store beside it:
 * `repo/` (the working directory of every command), `repo/.github/snapgate.yml`,
 * `id.txt` (age identity), `writer.key`, and `store/`.
 */
export interface PolicyWorkspace {
  dir: string;
  repo: string;
  store: string;
  keys: TestKeys;
  /** keys: block listing the workspace's recipient and writer. */
  keysYaml: string;
  writePolicy(body: string, path?: string): void;
  write(path: string, content: string): void;
  cli(...args: string[]): Promise<CliRun>;
  cliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun>;
  /** `snapshot` with the store and writer key filled in. */
  snapshot(...args: string[]): Promise<CliRun>;
}

/** `dir` is a fresh directory (e.g. from tempDir() at describe level). */
export async function makePolicyWorkspace(dir: string, keys?: TestKeys): Promise<PolicyWorkspace> {
  const repo = join(dir, "repo");
  mkdirSync(repo, { recursive: true });
  const testKeys = keys ?? (await makeKeys());
  writeFileSync(join(dir, "id.txt"), `${testKeys.age.identity}\n`, { mode: 0o600 });
  writeFileSync(join(dir, "writer.key"), `${testKeys.writerText}\n`, { mode: 0o600 });
  const store = join(dir, "store");
  const write = (path: string, content: string) => {
    const target = join(repo, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  const cliWithEnv = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    runCli(args, { cwd: repo, env });
  return {
    dir,
    repo,
    store,
    keys: testKeys,
    keysYaml: `keys:\n  recipients: [${testKeys.age.recipient}]\n  writers:\n    - key: ${testKeys.verifyKey}\n`,
    writePolicy: (body, path = ".github/snapgate.yml") => write(path, body),
    write,
    cli: (...args) => cliWithEnv({}, ...args),
    cliWithEnv,
    snapshot: (...args) =>
      cliWithEnv(
        {},
        "snapshot",
        "--store",
        store,
        "--writer-key",
        join(dir, "writer.key"),
        ...args,
      ),
  };
}
