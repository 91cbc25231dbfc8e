import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-3LW6LEUR.js";
import {
  KEY_OPTIONS,
  loadOpener,
  loadWriterKey,
  trustedKeys
} from "./chunk-GLY7AOTE.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-TPBVYUMC.js";
import {
  EXIT_PROBLEMS
} from "./chunk-CSCAEEYM.js";
import {
  POLICY_OPTION,
  loadCliPolicy
} from "./chunk-JZXJVOUV.js";
import "./chunk-WIE2Z5X7.js";
import {
  flag,
  json,
  stringValue
} from "./chunk-H7HHPLOE.js";
import "./chunk-WHUW7ABC.js";
import {
  selectSnapshots,
  verifySnapshots
} from "./chunk-LMKGQ424.js";
import {
  writeVerificationRecords
} from "./chunk-RI2VOROK.js";
import {
  trustedWriterKeys
} from "./chunk-BXKQOZE2.js";
import "./chunk-3XHERIG2.js";
import "./chunk-T4XVUYKR.js";
import "./chunk-PDBKAZLO.js";
import "./chunk-EAU2BZSR.js";
import "./chunk-6RIMPDLP.js";
import "./chunk-EVV5HKRG.js";
import "./chunk-KKUHDW3D.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import "./chunk-3S6W75EW.js";
import "./chunk-DENSVYIT.js";
import "./chunk-MVVOTCSL.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-M4VZOO76.js";
import "./chunk-QGYJZUSD.js";
import "./chunk-STGBWLKT.js";
import "./chunk-Q7H3JQIW.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-PCRNZOG5.js";
import "./chunk-Z5NMZ6VW.js";
import "./chunk-JFMH5QSK.js";
import "./chunk-3BJVJWY4.js";
import "./chunk-RJWDBZ2U.js";
import "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-HPEAIKBF.js";

// cli/commands/verify.ts
async function trustedOrPolicyKeys(args, context) {
  const keys = trustedKeys(args, context);
  if (keys.length > 0) return keys;
  const loaded = await loadCliPolicy(args, context, context.cwd);
  return trustedWriterKeys([], loaded?.policy ?? null);
}
var verifyCommand = {
  name: "verify",
  summary: "Check snapshots: signature, chain and blobs (structure), or decrypt everything (restore level)",
  usage: "snapgate verify [SNAPSHOT | --all] --store STORE [--verify-key sgw1... | --policy FILE] [--env ENV] [--identity FILE [--writer-key FILE]] [--level structure|restore] [--record] [--json]",
  help: [
    "SNAPSHOT            an id prefix, ENV@SEQ or latest (default: latest of --env)",
    "--all               every snapshot of every environment (or of --env)",
    "--verify-key KEY    a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS)",
    "--identity FILE     decrypt every blob: restore level (or SNAPGATE_IDENTITY)",
    "--writer-key FILE   at restore level, also recompute the keyed ids",
    "--policy FILE       trust the policy's keys.writers when no --verify-key is given (default: .github/snapgate.yml, when it exists)",
    "--record            write a verification record per snapshot (records/verifications/<id>/<time>.json); the gate reads the newest restore-level one",
    "forgotten snapshots: manifest, signature and chain are checked, not their blobs (prune may have removed them)",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} problems found`
  ],
  options: {
    ...STORE_OPTION,
    ...KEY_OPTIONS,
    env: { type: "string" },
    all: { type: "boolean" },
    level: { type: "string" },
    record: { type: "boolean" },
    ...POLICY_OPTION
  },
  async run(args, context) {
    const store = await openStore(args, context);
    await store.assertExists();
    const stream = stringValue(args, "env");
    const opener = await loadOpener(args, context);
    const levelText = stringValue(args, "level") ?? (opener ? "restore" : "structure");
    if (levelText !== "structure" && levelText !== "restore") {
      throw new SnapgateError("USAGE", `--level '${levelText}' is not a verification level.`, {
        fix: "Use structure or restore."
      });
    }
    const { snapshots, forgotten } = await selectSnapshots(store, {
      all: flag(args, "all"),
      spec: args.positionals[0],
      stream
    });
    const report = progressReporter(context, !flag(args, "json"));
    const result = await verifySnapshots({
      store,
      snapshots,
      trustedKeys: await trustedOrPolicyKeys(args, context),
      forgotten,
      level: levelText,
      opener,
      writerKey: await loadWriterKey(args, context, false),
      onProgress: (done, total) => report("verify", done, total)
    });
    const records = flag(args, "record") ? await writeVerificationRecords(store, result, /* @__PURE__ */ new Date()) : [];
    if (flag(args, "json")) {
      context.stdout(json({ ...result, records }));
    } else {
      for (const snapshot of result.snapshots) {
        context.stdout(
          `${snapshot.ok ? "ok  " : "FAIL"} ${snapshot.stream}@${snapshot.seq} ${snapshot.id.slice(0, 12)}${snapshot.forgotten ? " (forgotten: blobs not checked)" : ""}
`
        );
        for (const problem of snapshot.problems) {
          context.stdout(`     ${problem.kind}: ${problem.message}
     fix: ${problem.fix}
`);
        }
      }
      context.stdout(
        `${result.ok ? "Verified" : "Problems in"} ${result.snapshots.length} snapshot(s) at ${result.level} level: ${result.blobsChecked} blobs, ${formatBytes(result.bytesChecked)} checked.
`
      );
      if (records.length) context.stdout(`Recorded ${records.length} verification(s).
`);
    }
    return result.ok ? 0 : EXIT_PROBLEMS;
  }
};
export {
  verifyCommand
};
