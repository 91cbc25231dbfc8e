import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { measureNodeProcess } from "../harness/measure-node-process.js";
import type { PeerTool } from "./peer-tool.js";

/**
 * Snapgate's bundled CLI (dist/cli/index.js) on a local directory store with
 * two recipients, as the local-store bench runs it, with the stat cache in
 * `workDir` (restic and borg keep theirs too).
 */
export function snapgatePeer(workDir: string, tree: string, repoRoot: string): PeerTool {
  const cli = join(repoRoot, "dist/cli/index.js");
  const repository = join(workDir, "snapgate-store");
  const keys = join(workDir, "snapgate-keys");
  const run = (args: string[]) => measureNodeProcess(cli, args, { cwd: keys });
  const recipients: string[] = [];
  let verifyKey = "";
  let phase = "pre";
  return {
    name: "snapgate",
    repository,
    async init() {
      await mkdir(keys, { recursive: true });
      for (const file of ["ops.txt", "break-glass.txt"])
        recipients.push((await run(["keygen", "--out", file])).stdout.trim());
      verifyKey = (await run(["keygen", "--writer", "--out", "writer.key"])).stdout.trim();
    },
    async snapshot() {
      const result = await run([
        "snapshot",
        ...["--store", repository, "--env", "prod", "--phase", phase],
        ...recipients.flatMap((recipient) => ["--recipient", recipient]),
        ...["--writer-key", "writer.key", "--root", tree],
        ...["--cache-dir", join(workDir, "snapgate-cache"), "--json", "."],
      ]);
      phase = "post";
      return {
        wallMs: result.wallMs,
        blobBytes: (JSON.parse(result.stdout) as { bytesAdded: number }).bytesAdded,
      };
    },
    async restore(target) {
      const result = await run([
        ...["restore", "latest", "--env", "prod", "--store", repository],
        ...["--identity", "break-glass.txt", "--verify-key", verifyKey, "--to", target, "--json"],
      ]);
      return result.wallMs;
    },
    async verify() {
      const result = await run([
        ...["verify", "latest", "--env", "prod", "--store", repository],
        ...["--verify-key", verifyKey, "--identity", "ops.txt", "--json"],
      ]);
      return result.wallMs;
    },
  };
}
