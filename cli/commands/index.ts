import type { Command } from "../command.js";
import { keygenCommand } from "./keygen.js";
import { snapshotCommand } from "./snapshot.js";
import { listCommand } from "./list.js";
import { showCommand } from "./show.js";
import { diffCommand } from "./diff.js";
import { verifyCommand } from "./verify.js";
import { restoreCommand } from "./restore.js";
import { coverageCommand } from "./coverage.js";
import { driftCommand } from "./drift.js";
import { checkCommand } from "./check.js";
import { forgetCommand } from "./forget.js";
import { pruneCommand } from "./prune.js";
import { doctorCommand } from "./doctor.js";

/** Every command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  keygenCommand,
  snapshotCommand,
  listCommand,
  showCommand,
  diffCommand,
  verifyCommand,
  restoreCommand,
  coverageCommand,
  driftCommand,
  checkCommand,
  forgetCommand,
  pruneCommand,
  doctorCommand,
];
