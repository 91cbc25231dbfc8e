import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  snapshotLockDefaults,
  takeSnapshot
} from "../../chunks/chunk-5TUI24RP.js";
import "../../chunks/chunk-PUR5S3H7.js";
import "../../chunks/chunk-IEOR2R4X.js";
import "../../chunks/chunk-MONAIBOF.js";
import "../../chunks/chunk-RC7TVD34.js";
import "../../chunks/chunk-C266N7X3.js";
import "../../chunks/chunk-MS7OGOB6.js";
import "../../chunks/chunk-BXQJ3NVO.js";
import "../../chunks/chunk-FVHYGXQ4.js";
import "../../chunks/chunk-7T6BWT36.js";
import "../../chunks/chunk-KBLB3GEK.js";
import "../../chunks/chunk-7RENLTOI.js";
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
import {
  PHASES
} from "../../chunks/chunk-MVZIGVV4.js";
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
  isSnapgateError
} from "../../chunks/chunk-6KERQ4ZL.js";
import "../../chunks/chunk-H5NHOGLY.js";

// actions/snapshot/inputs.ts
var snapshotAction = defineAction({
  id: "snapshot",
  name: "Snapgate snapshot",
  description: "Encrypt, sign and store a snapshot of configuration files in the backup repository (pre/post-deploy, scheduled or manual).",
  inputs: {
    ...STORE_INPUTS,
    environment: {
      kind: "string",
      required: true,
      description: "The environment (stream) the snapshot belongs to, e.g. prod."
    },
    phase: {
      kind: "choice",
      values: PHASES,
      required: true,
      description: "pre, post, scheduled or manual."
    },
    paths: {
      kind: "lines",
      description: "Files, directories or globs to back up, one per line. Default: the policy's environments.<environment>.paths."
    },
    exclude: {
      kind: "lines",
      description: "Globs to leave out, one per line (after the policy's exclude list). Excluded files still count for coverage."
    },
    ...POLICY_INPUT,
    recipients: {
      kind: "lines",
      description: "age recipients (age1...) who may decrypt, one per line: added to the policy's keys.recipients. Required without a policy."
    },
    "writer-key": {
      kind: "string",
      required: true,
      secret: true,
      description: "The snapshot job's writer key (SNAPGATE-WRITER-KEY-1...): signs the manifest and keys the blob ids. Keep it in a secret."
    },
    "change-id": {
      kind: "string",
      description: "The change ticket of this deployment (checked against the policy's change_tickets)."
    },
    "app-version": {
      kind: "string",
      description: "The version being deployed, recorded in the manifest."
    },
    application: {
      kind: "string",
      description: "The application's name, recorded in the manifest."
    },
    tags: { kind: "lines", description: "Tags for the snapshot, one per line (e.g. release)." },
    "skip-unchanged": {
      kind: "boolean",
      default: "true",
      description: "Write nothing when every file matches the environment's latest snapshot (outputs name that snapshot). Not for phase pre: a pre-deploy snapshot is always written, so a rollback restores a snapshot this run took."
    },
    "allow-inconsistent": {
      kind: "boolean",
      default: "false",
      description: "Record failing consistency rules instead of refusing the snapshot (the gate then fails until a consistent snapshot exists)."
    }
  },
  outputs: {
    "snapshot-id": {
      description: "The snapshot's id (sha256 of its manifest): the new one, or with skipped=true the latest one that still matches."
    },
    "manifest-sha256": {
      description: "The sha256 of the manifest file (the same value as snapshot-id)."
    },
    skipped: { description: "true when nothing changed and no snapshot was written." },
    seq: { description: "The snapshot's sequence number in its environment." },
    environment: { description: "The environment (stream)." },
    files: { description: "Files (and symlinks) in the snapshot." },
    "bytes-added": {
      description: "Encrypted bytes this snapshot added to the store (new content only)."
    }
  }
});

// actions/snapshot/settings.ts
function snapshotSettings(values, context) {
  const { run } = context;
  return {
    store: storeSettings(values, context.policy, {
      apiUrl: run.apiUrl,
      cwd: context.cwd,
      // An Object Lock store: retain-until defaults to the tier's floor, as in the CLI (ADR 1404).
      lockDefaults: snapshotLockDefaults(context.policy, values.environment)
    }),
    environment: values.environment,
    phase: values.phase,
    paths: values.paths,
    exclude: values.exclude,
    recipients: values.recipients,
    writerKey: parseWriterKeyInput(values["writer-key"]),
    skipUnchanged: values["skip-unchanged"] && values.phase !== "pre",
    allowInconsistent: values["allow-inconsistent"],
    metadata: {
      commit: run.sha,
      ref: run.ref,
      deployer: run.actor,
      runUrl: run.runUrl,
      workflow: run.workflow,
      repository: run.repository,
      changeId: values["change-id"],
      appVersion: values["app-version"],
      application: values.application,
      tags: values.tags
    }
  };
}

// actions/snapshot/snapshot-annotations.ts
function snapshotAnnotations(policy, policyFile, findings, refused) {
  const annotations = [];
  for (const outcome of findings.consistency.filter((o) => !o.ok)) {
    const rule = policy.consistency.find((r) => r.name === outcome.name);
    const files = rule ? [rule.left.file, ...rule.right ? [rule.right.file] : []] : [policyFile];
    for (const file of [...new Set(files)]) {
      annotations.push({
        level: refused ? "error" : "warning",
        title: `Consistency rule ${outcome.name} fails`,
        message: `${outcome.message}${refused ? " No snapshot was written." : " Recorded in the snapshot: the gate fails until a consistent snapshot exists."}`,
        file
      });
    }
  }
  const coverage = findings.coverage;
  if (!coverage) return annotations;
  for (const file of coverage.uncoveredTier0Paths) {
    annotations.push({
      level: "error",
      title: "Tier-0 file in no component",
      message: `${file} is tier-0 but belongs to no component of ${policyFile}: the gate fails. Add it to a component (or an exception).`,
      file
    });
  }
  for (const component of coverage.missingComponents) {
    annotations.push({
      level: "error",
      title: "Required component without files",
      message: `The required component ${component} has no file in this snapshot: the gate fails. Check its paths in ${policyFile} and the snapshot's paths.`,
      file: policyFile
    });
  }
  for (const file of coverage.secretsOutsideComponents) {
    annotations.push({
      level: "warning",
      title: "Secret-looking file in no component",
      message: `${file} looks like a secret and belongs to no component: give it an owner in ${policyFile}.`,
      file
    });
  }
  return annotations;
}

// actions/snapshot/snapshot-summary.ts
var LISTED = 50;
function snapshotSummary(input) {
  const { result, underPolicy } = input;
  const name = `${result.stream}@${result.seq}`;
  const id = `\`${(result.id ?? "").slice(0, 12)}\``;
  const parts = [`### Snapgate snapshot ${name} (${input.phase})`, ""];
  parts.push(
    result.skipped ? `Nothing changed since ${name} ${id}: no snapshot was written (skip-unchanged).` : `Snapshot ${id} written to \`${input.store}\`: ${result.files} file(s), ${formatBytes(result.bytes)}; ${result.newBlobs} new blob(s) (${formatBytes(result.bytesAdded)} stored), ${result.reusedBlobs} reused.`,
    ""
  );
  const groups = /* @__PURE__ */ new Map();
  for (const file of result.manifest?.files ?? []) {
    const component = file.component ?? "(no component)";
    const tier = file.tier ?? "";
    const key = `${component}\0${tier}`;
    const group = groups.get(key) ?? { component, tier, files: 0, bytes: 0 };
    group.files += 1;
    group.bytes += file.type === "file" ? file.size : 0;
    groups.set(key, group);
  }
  if (groups.size > 0) {
    const rows = [...groups.values()].sort(
      (a, b) => a.tier.localeCompare(b.tier) || a.component.localeCompare(b.component)
    );
    parts.push(
      "#### Captured",
      "",
      markdownTable(
        ["component", "tier", "files", "size"],
        rows.map((row) => [row.component, row.tier || "-", row.files, formatBytes(row.bytes)])
      ),
      ""
    );
  }
  if (underPolicy) {
    const { recipients, consistency, coverage } = underPolicy;
    parts.push(
      `Policy \`${input.policyFile}\`: ${result.stream} is ${underPolicy.tier}; encrypted to ${recipients.fromPolicy.length} recipient(s) from keys.recipients${recipients.added.length ? ` and ${recipients.added.length} from the recipients input` : ""}.`,
      ""
    );
    if (consistency.length > 0) {
      parts.push(
        "#### Consistency",
        "",
        markdownTable(
          ["rule", "result", "detail"],
          consistency.map((outcome) => [
            outcome.name,
            outcome.ok ? "pass" : "FAIL",
            outcome.message
          ])
        ),
        ""
      );
    }
    const gaps = [
      ...coverage.uncoveredTier0Paths.map((path) => ["tier-0 file in no component", path]),
      ...coverage.missingComponents.map((component) => [
        "required component without files",
        component
      ]),
      ...coverage.secretsOutsideComponents.map((path) => [
        "secret-looking file in no component",
        path
      ])
    ];
    if (gaps.length > 0)
      parts.push(
        "#### Coverage gaps",
        "",
        markdownTable(["finding", "path or component"], gaps),
        ""
      );
  }
  if (result.excluded.length > 0) {
    parts.push(
      `#### Excluded (${result.excluded.length})`,
      "",
      markdownTable(
        ["path"],
        result.excluded.slice(0, LISTED).map((path) => [path])
      ),
      ...result.excluded.length > LISTED ? ["", `... and ${result.excluded.length - LISTED} more.`] : [],
      ""
    );
  }
  if (result.skippedFiles.length > 0) {
    parts.push(
      `#### Skipped (${result.skippedFiles.length})`,
      "",
      markdownTable(
        ["path", "reason"],
        result.skippedFiles.slice(0, LISTED).map((file) => [file.path, file.reason])
      ),
      ""
    );
  }
  return `${parts.join("\n")}
`;
}

// actions/snapshot/main.ts
async function main() {
  const values = readInputs(snapshotAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const settings = snapshotSettings(values, {
    policy: loaded?.policy ?? null,
    run: await readRunContext(),
    cwd
  });
  if (values["skip-unchanged"] && !settings.skipUnchanged)
    info(
      "phase pre: the snapshot is written even if nothing changed (the rollback point of this run)."
    );
  const store = await openActionStore(settings.store);
  let taken;
  try {
    taken = await takeSnapshot({
      store,
      policy: loaded?.policy ?? null,
      recipients: settings.recipients,
      env: process.env,
      allowInconsistent: settings.allowInconsistent,
      root: cwd,
      paths: settings.paths,
      exclude: settings.exclude,
      stream: settings.environment,
      phase: settings.phase,
      writerKey: settings.writerKey,
      skipUnchanged: settings.skipUnchanged,
      skipDirectories: settings.store.kind === "local" ? [settings.store.dir] : [],
      // dist/actions/snapshot/index.js -> dist/workers/crypto-worker.js
      sealWorkerUrl: new URL("../../workers/crypto-worker.js", import.meta.url),
      metadata: settings.metadata
    });
  } catch (error) {
    const consistency = isSnapgateError(error, "POLICY") ? error.details.consistency : void 0;
    if (loaded && consistency)
      emitAnnotations(snapshotAnnotations(loaded.policy, loaded.file, { consistency }, true));
    throw error;
  }
  const { result, underPolicy } = taken;
  const id = result.id ?? "";
  setOutput("snapshot-id", id);
  setOutput("manifest-sha256", id);
  setOutput("skipped", String(result.skipped));
  setOutput("seq", String(result.seq ?? ""));
  setOutput("environment", result.stream);
  setOutput("files", String(result.files));
  setOutput("bytes-added", String(result.bytesAdded));
  if (loaded && underPolicy)
    emitAnnotations(snapshotAnnotations(loaded.policy, loaded.file, underPolicy, false));
  info(
    result.skipped ? `Nothing changed since ${result.stream}@${result.seq} (${id.slice(0, 12)}); no snapshot written.` : `Snapshot ${result.stream}@${result.seq} ${id.slice(0, 12)}: ${result.files} files, ${result.newBlobs} new blobs.`
  );
  await writeSummary(
    snapshotSummary({
      result,
      underPolicy,
      policyFile: loaded?.file ?? null,
      phase: settings.phase,
      store: store.location
    })
  );
}

// actions/snapshot/index.ts
await runAction(main);
