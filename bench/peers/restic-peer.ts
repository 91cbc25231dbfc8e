import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { measureProcess } from "../harness/measure-process.js";
import type { PeerTool } from "./peer-tool.js";

/**
 * restic on a temporary repository in `workDir` (format version 2, so its
 * content is compressed, as restic 0.14 can), with its cache there too.
 * The password is a fixed bench value passed through RESTIC_PASSWORD: the
 * repository lives only as long as the round.
 */
export function resticPeer(workDir: string, tree: string): PeerTool {
  const repository = join(workDir, "restic-repo");
  const env = {
    ...process.env,
    RESTIC_REPOSITORY: repository,
    RESTIC_PASSWORD: "snapgate-bench",
    RESTIC_CACHE_DIR: join(workDir, "restic-cache"),
  };
  const restic = (args: string[], cwd = workDir) =>
    measureProcess("restic", ["--quiet", ...args], { cwd, env });
  return {
    name: "restic",
    repository,
    async init() {
      await restic(["init", "--repository-version", "2"]);
    },
    async snapshot() {
      // "." from inside the tree: the snapshot holds the tree's files at its root, and
      // the next backup of the same path finds it as its parent (restic's stat cache).
      return { wallMs: (await restic(["backup", "--host", "bench", "."], tree)).wallMs };
    },
    async restore(target) {
      await mkdir(target, { recursive: true });
      return (await restic(["restore", "latest", "--target", target])).wallMs;
    },
    async verify() {
      return (await restic(["check", "--read-data"])).wallMs;
    },
  };
}
