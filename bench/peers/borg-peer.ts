import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { measureProcess } from "../harness/measure-process.js";
import type { PeerTool } from "./peer-tool.js";

/**
 * borg on a temporary encrypted repository (repokey-blake2, borg's default
 * lz4 compression) in `workDir`; BORG_BASE_DIR keeps its cache, config and
 * security records there too, so nothing is left in the user's home.
 */
export function borgPeer(workDir: string, tree: string): PeerTool {
  const repository = join(workDir, "borg-repo");
  const env = {
    ...process.env,
    BORG_PASSPHRASE: "snapgate-bench",
    BORG_BASE_DIR: join(workDir, "borg-home"),
    BORG_RELOCATED_REPO_ACCESS_IS_OK: "yes",
  };
  const borg = (args: string[], cwd = workDir) => measureProcess("borg", args, { cwd, env });
  let archives = 0;
  return {
    name: "borg",
    repository,
    async init() {
      await borg(["init", "--encryption=repokey-blake2", repository]);
    },
    async snapshot() {
      archives += 1;
      return { wallMs: (await borg(["create", `${repository}::s${archives}`, "."], tree)).wallMs };
    },
    async restore(target) {
      await mkdir(target, { recursive: true });
      return (await borg(["extract", `${repository}::s${archives}`], target)).wallMs;
    },
    async verify() {
      return (await borg(["check", "--verify-data", repository])).wallMs;
    },
  };
}
