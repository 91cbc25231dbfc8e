import type { Command } from "../command.js";

export interface CommandEntry {
  name: string;
  /** Commands load on demand: a snapshot never pays for the policy, GitHub or retention code it does not use. */
  load(): Promise<Command>;
}

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "keygen", load: async () => (await import("./keygen.js")).keygenCommand },
  { name: "snapshot", load: async () => (await import("./snapshot.js")).snapshotCommand },
  { name: "list", load: async () => (await import("./list.js")).listCommand },
  { name: "show", load: async () => (await import("./show.js")).showCommand },
  { name: "diff", load: async () => (await import("./diff.js")).diffCommand },
  { name: "verify", load: async () => (await import("./verify.js")).verifyCommand },
  { name: "restore", load: async () => (await import("./restore.js")).restoreCommand },
  { name: "coverage", load: async () => (await import("./coverage.js")).coverageCommand },
  { name: "drift", load: async () => (await import("./drift.js")).driftCommand },
  { name: "check", load: async () => (await import("./check.js")).checkCommand },
  { name: "forget", load: async () => (await import("./forget.js")).forgetCommand },
  { name: "prune", load: async () => (await import("./prune.js")).pruneCommand },
  {
    name: "lift-legal-hold",
    load: async () => (await import("./lift-legal-hold.js")).liftLegalHoldCommand,
  },
  { name: "rekey", load: async () => (await import("./rekey.js")).rekeyCommand },
  {
    name: "retire-epoch",
    load: async () => (await import("./retire-epoch.js")).retireEpochCommand,
  },
  { name: "replicate", load: async () => (await import("./replicate.js")).replicateCommand },
  { name: "stats", load: async () => (await import("./stats.js")).statsCommand },
  { name: "doctor", load: async () => (await import("./doctor.js")).doctorCommand },
  { name: "audit", load: async () => (await import("./audit.js")).auditCommand },
  { name: "drill", load: async () => (await import("./drill.js")).drillCommand },
  { name: "health", load: async () => (await import("./health.js")).healthCommand },
  { name: "canary", load: async () => (await import("./canary.js")).canaryCommand },
  { name: "report", load: async () => (await import("./report.js")).reportCommand },
  { name: "dashboard", load: async () => (await import("./dashboard.js")).dashboardCommand },
];
