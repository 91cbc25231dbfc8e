import { SnapgateError } from "../../core/errors.js";
import { runChild } from "../harness/run-child.js";
import { borgPeer } from "./borg-peer.js";
import { resticPeer } from "./restic-peer.js";
import { snapgatePeer } from "./snapgate-peer.js";
import type { PeerTool } from "./peer-tool.js";

async function installed(command: string, versionArgs: string[]): Promise<boolean> {
  try {
    return (await runChild(command, versionArgs, { allowFailure: true })).exitCode === 0;
  } catch {
    return false;
  }
}

/**
 * The tools of one round, in the order they run each step: restic (required,
 * the baseline), borg when it is installed, and Snapgate's bundled CLI.
 */
export async function installedPeers(
  workDir: string,
  tree: string,
  repoRoot: string,
): Promise<PeerTool[]> {
  if (!(await installed("restic", ["version"]))) {
    throw new SnapgateError("USAGE", "restic is not installed; --peers measures against it.", {
      fix: "Install it (`apt-get install -y restic`; 0.14 or later for compressed repositories), or run the bench without --peers.",
    });
  }
  return [
    resticPeer(workDir, tree),
    ...((await installed("borg", ["--version"])) ? [borgPeer(workDir, tree)] : []),
    snapgatePeer(workDir, tree, repoRoot),
  ];
}
