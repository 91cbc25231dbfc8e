import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  verifySnapshots
} from "../../chunks/chunk-YF7FVJ3R.js";
import "../../chunks/chunk-ARYQANWC.js";
import {
  writeVerificationRecords
} from "../../chunks/chunk-3H2Q7RHS.js";
import {
  selectSnapshots
} from "../../chunks/chunk-SS2O264C.js";
import "../../chunks/chunk-CDLC5QT7.js";
import {
  identityOpener
} from "../../chunks/chunk-GQTVYYUB.js";
import "../../chunks/chunk-AYS4OF2G.js";
import "../../chunks/chunk-I227H2ZL.js";
import {
  trustedWriterKeys
} from "../../chunks/chunk-W3X2RYBW.js";
import "../../chunks/chunk-P4WFFHAC.js";
import "../../chunks/chunk-RQLDRNH6.js";
import "../../chunks/chunk-J7IEGQJ6.js";
import "../../chunks/chunk-HVMTTQAX.js";
import "../../chunks/chunk-LNWDKVHM.js";
import "../../chunks/chunk-4R5A4MEX.js";
import "../../chunks/chunk-EU4VU6DG.js";
import "../../chunks/chunk-KVN77OIJ.js";
import "../../chunks/chunk-DPHRPEIS.js";
import "../../chunks/chunk-TITZY4GY.js";
import "../../chunks/chunk-WSRUPF57.js";
import {
  emitAnnotations
} from "../../chunks/chunk-JZH6TJWI.js";
import "../../chunks/chunk-KKUHDW3D.js";
import {
  formatBytes
} from "../../chunks/chunk-AVGWXNWA.js";
import "../../chunks/chunk-PZ5T2MZR.js";
import "../../chunks/chunk-CY3L4U4E.js";
import "../../chunks/chunk-K3D2YTSH.js";
import {
  IDENTITY_COMMAND_INPUT,
  POLICY_INPUT,
  STORE_INPUTS,
  defineAction,
  getInput,
  info,
  loadActionPolicy,
  markdownTable,
  maskSecret,
  openActionStore,
  parseWriterKeyInput,
  readInputs,
  readRunContext,
  runAction,
  setFailed,
  setOutput,
  storeSettings,
  writeSummary
} from "../../chunks/chunk-WF5IQUBH.js";
import "../../chunks/chunk-FB3T34OJ.js";
import "../../chunks/chunk-SPJZQVYW.js";
import "../../chunks/chunk-AHAZ4DV7.js";
import "../../chunks/chunk-MAIPYA2J.js";
import "../../chunks/chunk-RB7WNJM7.js";
import "../../chunks/chunk-JTUTWXW7.js";
import "../../chunks/chunk-PP22UWMA.js";
import "../../chunks/chunk-DENSVYIT.js";
import "../../chunks/chunk-7BAZV6R7.js";
import "../../chunks/chunk-L3YJLP3Q.js";
import "../../chunks/chunk-AXJEESJ2.js";
import "../../chunks/chunk-RSJ4ROQ3.js";
import "../../chunks/chunk-JJ4XLMVP.js";
import "../../chunks/chunk-TI77TNDP.js";
import "../../chunks/chunk-XRH6QY5G.js";
import "../../chunks/chunk-FFISWQYC.js";
import "../../chunks/chunk-CU3A7CPO.js";
import "../../chunks/chunk-WPITP5OQ.js";
import "../../chunks/chunk-ZG3SENMX.js";
import "../../chunks/chunk-UZQJNIXZ.js";
import "../../chunks/chunk-MVZIGVV4.js";
import "../../chunks/chunk-R4SSWUCW.js";
import "../../chunks/chunk-JAZ2OF6U.js";
import "../../chunks/chunk-BNOD7A53.js";
import "../../chunks/chunk-U3GCPU43.js";
import "../../chunks/chunk-26DBSQQT.js";
import "../../chunks/chunk-2NBA2BLU.js";
import "../../chunks/chunk-ZITD4ZB6.js";
import "../../chunks/chunk-K6EMEHOA.js";
import "../../chunks/chunk-FHIUXZPM.js";
import "../../chunks/chunk-RXFM76GD.js";
import "../../chunks/chunk-6R3LO6XJ.js";
import "../../chunks/chunk-54LOBW6C.js";
import "../../chunks/chunk-4NNPXXFU.js";
import "../../chunks/chunk-U2VA4CFL.js";
import "../../chunks/chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "../../chunks/chunk-6KERQ4ZL.js";
import "../../chunks/chunk-H5NHOGLY.js";

// actions/verify/inputs.ts
var verifyAction = defineAction({
  id: "verify",
  name: "Snapgate verify",
  description: "Check snapshots in the backup repository: signature, hash chain and blobs (structure level), or decrypt every file (restore level).",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    environment: {
      kind: "string",
      description: "The environment whose snapshots are checked (needed for latest when the store holds several)."
    },
    snapshot: {
      kind: "string",
      default: "latest",
      description: "The snapshot to check: an id (or a prefix of 6+ characters), ENV@SEQ, or latest."
    },
    all: {
      kind: "boolean",
      default: "false",
      description: "Check every snapshot (of the environment, or of the whole store) instead of one."
    },
    level: {
      kind: "choice",
      values: ["structure", "restore"],
      default: "structure",
      description: "structure: signature, chain and each blob's ciphertext hash (no key needed). restore: also decrypt every file (needs identity)."
    },
    identity: {
      kind: "string",
      secret: true,
      description: "An age identity (AGE-SECRET-KEY-1...) the snapshots are encrypted to; needed for level restore (or identity-command)."
    },
    ...IDENTITY_COMMAND_INPUT,
    "writer-key": {
      kind: "string",
      secret: true,
      description: "At level restore, also recompute each file's keyed id with the writer key."
    },
    "verify-keys": {
      kind: "lines",
      description: "Trusted writer verify keys (sgw1...), one per line. Default: the policy's keys.writers."
    },
    record: {
      kind: "boolean",
      default: "false",
      description: "Write a verification record per snapshot into the store (verifications/<id>/<time>.json): the gate reads the newest restore-level one."
    },
    "fail-on-problems": {
      kind: "boolean",
      default: "true",
      description: "Fail the step when a problem is found (the outputs are set either way)."
    }
  },
  outputs: {
    verified: { description: "true when every checked snapshot passed." },
    problems: { description: "The number of problems found." },
    level: { description: "The level checked: structure or restore." },
    snapshots: { description: "The number of snapshots checked." },
    "snapshot-id": { description: "The id of the snapshot checked (empty with all)." },
    records: {
      description: "The verification records written (paths in the store, one per line)."
    }
  }
});

// actions/verify/settings.ts
async function verifySettings(values, context) {
  if (values.level === "restore" && !values.identity && !values["identity-command"]) {
    throw new SnapgateError(
      "USAGE",
      "level: restore decrypts every file and needs the identity input.",
      {
        fix: "Pass identity: ${{ secrets.SNAPGATE_IDENTITY }} (in a job whose environment holds it) or identity-command:, or use level: structure."
      }
    );
  }
  const trustedKeys = trustedWriterKeys(values["verify-keys"], context.policy);
  if (trustedKeys.length === 0) {
    throw new SnapgateError("USAGE", "No trusted writer keys to check signatures against.", {
      fix: "List keys.writers in the policy (.github/snapgate.yml), or pass verify-keys: sgw1... (printed by `snapgate keygen --writer`)."
    });
  }
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    environment: values.environment,
    snapshot: values.snapshot,
    all: values.all,
    level: values.level,
    opener: values.level === "restore" ? await identityOpener(values.identity, values["identity-command"], {
      cwd: context.cwd,
      env: process.env
    }) : void 0,
    writerKey: values["writer-key"] ? parseWriterKeyInput(values["writer-key"]) : void 0,
    trustedKeys,
    writerPeriods: context.policy?.keys.writers ?? [],
    record: values.record,
    failOnProblems: values["fail-on-problems"]
  };
}

// actions/verify/verify-summary.ts
function verifySummary(report, records) {
  const problems = report.snapshots.flatMap(
    (snapshot) => snapshot.problems.map((problem) => [
      `${snapshot.stream}@${snapshot.seq}`,
      problem.kind,
      problem.path ?? "",
      problem.message,
      problem.fix
    ])
  );
  const parts = [
    `### Snapgate verify (${report.level} level): ${report.ok ? "verified" : `${problems.length} problem(s)`}`,
    "",
    `${report.snapshots.length} snapshot(s), ${report.blobsChecked} blob(s), ${formatBytes(report.bytesChecked)} checked.${records.length ? ` ${records.length} verification record(s) written.` : ""}`,
    "",
    markdownTable(
      ["snapshot", "id", "result"],
      report.snapshots.map((snapshot) => [
        `${snapshot.stream}@${snapshot.seq}`,
        snapshot.id.slice(0, 12),
        snapshot.ok ? snapshot.forgotten ? "ok (forgotten: blobs not checked)" : "ok" : `FAIL (${snapshot.problems.length})`
      ])
    ),
    ""
  ];
  if (problems.length > 0)
    parts.push(
      "#### Problems",
      "",
      markdownTable(["snapshot", "kind", "path", "problem", "fix"], problems),
      ""
    );
  return `${parts.join("\n")}
`;
}

// actions/verify/main.ts
async function main() {
  const values = readInputs(verifyAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const run = await readRunContext();
  const settings = await verifySettings(values, { policy: loaded?.policy ?? null, run, cwd });
  const store = await openActionStore(settings.store);
  await store.assertExists();
  const { snapshots, forgotten } = await selectSnapshots(store, {
    all: settings.all,
    spec: settings.snapshot,
    stream: settings.environment
  });
  const report = await verifySnapshots({
    store,
    snapshots,
    trustedKeys: settings.trustedKeys,
    writerPeriods: settings.writerPeriods,
    forgotten,
    level: settings.level,
    opener: settings.opener,
    writerKey: settings.writerKey
  });
  const records = settings.record ? await writeVerificationRecords(store, report, /* @__PURE__ */ new Date(), {
    kind: "workflow",
    ...run.actor ? { login: run.actor } : {},
    ...run.runUrl ? { run: run.runUrl } : {}
  }) : [];
  const problems = report.snapshots.reduce((sum, snapshot) => sum + snapshot.problems.length, 0);
  setOutput("verified", String(report.ok));
  setOutput("problems", String(problems));
  setOutput("level", report.level);
  setOutput("snapshots", String(report.snapshots.length));
  setOutput("snapshot-id", settings.all ? "" : snapshots[0]?.id ?? "");
  setOutput("records", records.join("\n"));
  emitAnnotations(
    report.snapshots.flatMap(
      (snapshot) => snapshot.problems.map((problem) => ({
        level: "error",
        title: `Snapgate verify: ${problem.kind} in ${snapshot.stream}@${snapshot.seq}`,
        message: `${problem.message} Fix: ${problem.fix}`,
        ...problem.path ? { file: problem.path } : {}
      }))
    )
  );
  await writeSummary(verifySummary(report, records));
  if (report.ok) {
    info(`Verified ${report.snapshots.length} snapshot(s) at ${report.level} level.`);
  } else if (settings.failOnProblems) {
    setFailed(
      `${problems} problem(s) in ${report.snapshots.filter((s) => !s.ok).length} snapshot(s) at ${report.level} level; see the annotations and the job summary.`
    );
  }
}

// actions/verify/index.ts
await runAction(main);
