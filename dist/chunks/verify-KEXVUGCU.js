import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-4N7WTXM3.js";
import {
  KEY_OPTIONS,
  loadOpener,
  loadWriterKey,
  trustedKeys
} from "./chunk-5AV4R2DH.js";
import {
  POLICY_OPTION,
  loadCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import {
  verifySnapshots
} from "./chunk-YF7FVJ3R.js";
import "./chunk-ARYQANWC.js";
import {
  writeVerificationRecords
} from "./chunk-3H2Q7RHS.js";
import {
  selectSnapshots
} from "./chunk-SS2O264C.js";
import "./chunk-CDLC5QT7.js";
import "./chunk-AYS4OF2G.js";
import "./chunk-I227H2ZL.js";
import {
  trustedWriterKeys
} from "./chunk-W3X2RYBW.js";
import "./chunk-P4WFFHAC.js";
import "./chunk-RQLDRNH6.js";
import "./chunk-J7IEGQJ6.js";
import "./chunk-HVMTTQAX.js";
import "./chunk-LNWDKVHM.js";
import "./chunk-4R5A4MEX.js";
import "./chunk-EU4VU6DG.js";
import "./chunk-KVN77OIJ.js";
import "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import "./chunk-KKUHDW3D.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import "./chunk-PZ5T2MZR.js";
import "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-AXJEESJ2.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-K6EMEHOA.js";
import "./chunk-FHIUXZPM.js";
import "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/verify.ts
async function trustedOrPolicyKeys(args, context) {
  const keys = trustedKeys(args, context);
  if (keys.length > 0) return { keys, periods: [], policy: null };
  const loaded = await loadCliPolicy(args, context, context.cwd);
  return {
    keys: trustedWriterKeys([], loaded?.policy ?? null),
    periods: loaded?.policy.keys.writers ?? [],
    policy: loaded?.policy ?? null
  };
}
var verifyCommand = {
  name: "verify",
  summary: "Check snapshots: signature, chain and blobs (structure), or decrypt everything (restore level)",
  usage: "snapgate verify [SNAPSHOT | --all] --store STORE [--verify-key sgw1... | --policy FILE] [--env ENV] [--identity FILE|--identity-command CMD [--writer-key FILE]] [--level structure|restore] [--record] [--json]",
  help: [
    "SNAPSHOT            an id prefix, ENV@SEQ or latest (default: latest of --env)",
    "--all               every snapshot of every environment (or of --env)",
    "--verify-key KEY    a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS)",
    "--identity FILE     decrypt every blob: restore level (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read the identity from this shell command's stdout (a secret manager)",
    "--writer-key FILE   at restore level, also recompute the keyed ids",
    "--policy FILE       trust the policy's keys.writers when no --verify-key is given (default: .github/snapgate.yml, when it exists)",
    "--record            write a verification record per snapshot (verifications/<env>/<time>-<level>-<ok|fail>-<snapshot>.json); the gate reads the newest restore-level one",
    "forgotten snapshots: manifest, signature and chain are checked, not their blobs or manifest nodes (prune may have removed them)",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} problems found`
  ],
  json: "`{level, ok, snapshots: [{id, stream, seq, ok, forgotten, problems: [{kind, message, fix, path?}], epochGaps?}], blobsChecked, bytesChecked, records[]}`; problem kinds: `manifest`, `signature`, `chain`, `missing-blob`, `tampered-blob`, `decrypt`, `content-id`, `recipients` (a file a listed recipient cannot open), `rewrapped` (re-wrapped by `snapgate rekey` to a set the identity is not in: the message names its recipients)",
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
    const trusted = await trustedOrPolicyKeys(args, context);
    const result = await verifySnapshots({
      store,
      snapshots,
      trustedKeys: trusted.keys,
      writerPeriods: trusted.periods,
      ...trusted.policy ? { epochPolicy: trusted.policy } : {},
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
        if (snapshot.epochGaps) {
          context.stdout(
            `     warning: no identity of a current key epoch opens ${snapshot.epochGaps.slice(0, 3).join(", ")}${snapshot.epochGaps.length > 3 ? ", ..." : ""}
     fix: re-wrap it with \`snapgate rekey\`, or it becomes unreadable when its epoch is retired
`
          );
        }
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
