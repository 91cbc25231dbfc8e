import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  checkApproval,
  readApprovalRequest,
  restoreSnapshot
} from "../../chunks/chunk-JGOIC7EN.js";
import "../../chunks/chunk-MXRMIS4K.js";
import {
  loadSnapshot
} from "../../chunks/chunk-VZ7KYMKE.js";
import {
  policyDigest
} from "../../chunks/chunk-3MAZDW4B.js";
import {
  policyEnvironment
} from "../../chunks/chunk-RC7TVD34.js";
import "../../chunks/chunk-JWTYLVV3.js";
import {
  appendAuditEvents,
  signatureProblem,
  trustedWriterKeys
} from "../../chunks/chunk-DW7JLWHP.js";
import {
  resolveSnapshot
} from "../../chunks/chunk-3UWXLZIM.js";
import {
  formatBytes
} from "../../chunks/chunk-AVGWXNWA.js";
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
  openerFromIdentityInput,
  readInputs,
  readRunContext,
  runAction,
  setOutput,
  storeSettings,
  workflowRunUrl,
  writeSummary
} from "../../chunks/chunk-FU6VKBNP.js";
import "../../chunks/chunk-GLND76M5.js";
import "../../chunks/chunk-YFNX7KTZ.js";
import "../../chunks/chunk-5N2OGIR4.js";
import {
  JsonSchemaValidator
} from "../../chunks/chunk-PA7UVKRQ.js";
import "../../chunks/chunk-K6O2D5MR.js";
import {
  loadSodium
} from "../../chunks/chunk-XWJDV2JH.js";
import "../../chunks/chunk-RJWDBZ2U.js";
import "../../chunks/chunk-U2VA4CFL.js";
import {
  SnapgateError,
  isSnapgateError
} from "../../chunks/chunk-6KERQ4ZL.js";
import "../../chunks/chunk-K3D2YTSH.js";
import "../../chunks/chunk-HPEAIKBF.js";

// schemas/request-execution.schema.json
var request_execution_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://snapgate.dev/schemas/request-execution.schema.json",
  title: "Snapgate request execution record (snapgate.request-execution/v1)",
  description: "requests/<id>/execution.json: written once, by the restore action, just before it restores an approved request. Records are never overwritten, so a request runs once: a second run finds the record and refuses.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "request",
    "digest",
    "action",
    "environment",
    "snapshot",
    "paths",
    "run",
    "at"
  ],
  properties: {
    format: { const: "snapgate.request-execution/v1" },
    request: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" },
    digest: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
    action: { enum: ["forget", "restore"] },
    environment: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" },
    snapshot: { type: "string", pattern: "^[0-9a-f]{64}$" },
    paths: {
      description: "The path globs restored; empty for every path.",
      type: "array",
      items: { type: "string", minLength: 1, maxLength: 1e3 }
    },
    run: {
      description: "The workflow run that executed it (its URL), or null outside GitHub Actions.",
      oneOf: [{ type: "null" }, { type: "string", format: "uri" }]
    },
    at: { type: "string", format: "date-time" }
  }
};

// core/approvals/request-execution.ts
var REQUEST_EXECUTION_FORMAT = "snapgate.request-execution/v1";
var validator = new JsonSchemaValidator(request_execution_schema_default);
function requestExecutionPath(requestId) {
  return `requests/${requestId}/execution.json`;
}
async function readRequestExecution(store, requestId) {
  const bytes = await store.readRecord(requestExecutionPath(requestId));
  if (!bytes) return null;
  try {
    const checked = validator.check(JSON.parse(Buffer.from(bytes).toString("utf8")));
    return checked.ok ? checked.value : { damaged: true };
  } catch {
    return { damaged: true };
  }
}
async function claimRequestExecution(store, request, execution) {
  const record = {
    format: REQUEST_EXECUTION_FORMAT,
    request: request.id,
    digest: request.digest,
    action: request.action,
    environment: request.subject.environment,
    snapshot: execution.snapshot,
    paths: [...execution.paths],
    run: execution.run,
    at: execution.at.toISOString()
  };
  try {
    await store.writeRecords([
      {
        path: requestExecutionPath(request.id),
        bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}
`)
      }
    ]);
  } catch (error) {
    const existing = isSnapgateError(error, "CONFLICT") ? await readRequestExecution(store, request.id) : null;
    if (existing) throw alreadyExecuted(request.id, existing);
    throw error;
  }
  return record;
}
function alreadyExecuted(requestId, execution) {
  const by = execution && "run" in execution && execution.run ? ` by ${execution.run}` : "";
  const at = execution && "at" in execution ? ` at ${execution.at}` : "";
  return new SnapgateError("POLICY", `Request ${requestId} was already executed${by}${at}.`, {
    fix: "A request runs once. Ask for a new restore request through the app if it is needed again.",
    details: { request: requestId }
  });
}

// core/approvals/authorize-restore.ts
async function authorizeRestore(input) {
  const { manifest, id } = input.snapshot;
  const where = `${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  const forged = signatureProblem(await loadSodium(), manifest, input.trustedKeys, where);
  if (forged) {
    throw new SnapgateError("INTEGRITY", `${forged.message} Nothing was restored.`, {
      fix: forged.fix
    });
  }
  const askFix = `Ask for it through the app (\`/snapgate restore ${id.slice(0, 12)} --env ${manifest.stream}\`), and run the restore with the approved request's id (request-id).`;
  if (input.requestId === null) {
    const taken = manifest.metadata.runUrl ?? null;
    const current = input.run ? workflowRunUrl(input.run) : null;
    if (current !== null && taken !== null && sameRun(taken, current)) {
      return { kind: "same-run", runUrl: current, include: [...input.include] };
    }
    throw new SnapgateError(
      "POLICY",
      `Restoring ${where} needs an approved request: without one, only a snapshot taken by this same workflow run can be restored (automatic rollback). ${current === null ? "This restore is not running in a GitHub Actions workflow." : `This run is ${current}; the snapshot was taken by ${taken ?? "no recorded run"}.`}`,
      { fix: askFix, details: { snapshot: id, run: current, takenBy: taken } }
    );
  }
  if (!input.policy) {
    throw new SnapgateError(
      "CONFIG",
      `Checking restore request ${input.requestId} needs the policy (its digest and the tier's approvals).`,
      {
        fix: "Run the restore in a checkout of the repository's default branch, which holds .github/snapgate.yml."
      }
    );
  }
  const request = await readApprovalRequest(input.store, input.requestId);
  const execution = await readRequestExecution(input.store, request.id);
  if (execution) throw alreadyExecuted(request.id, execution);
  const tier = input.policy.tiers[policyEnvironment(input.policy, manifest.stream).tier];
  const include = input.include.length > 0 ? [...input.include] : [...request.subject.paths ?? []];
  const { approvers } = checkApproval(request, {
    action: "restore",
    environment: manifest.stream,
    snapshots: [id],
    paths: include,
    policyDigest: `sha256:${policyDigest(input.policy)}`,
    requiredApprovals: tier.approvals,
    now: input.now
  });
  return { kind: "request", request, approvers, include };
}
function sameRun(taken, current) {
  return taken === current || new RegExp(`^${escape(current)}/attempts/\\d+$`).test(taken);
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// core/approvals/resolve-restore-snapshot.ts
async function resolveRestoreSnapshot(store, options) {
  if (options.spec) return resolveSnapshot(store, options.spec, { stream: options.stream });
  if (!options.requestId) {
    throw new SnapgateError("USAGE", "Which snapshot should be restored?", {
      fix: "Give a snapshot (an id, ENV@SEQ, latest with the environment, or a pre-deploy step's snapshot-id output), or the id of an approved restore request."
    });
  }
  const request = await readApprovalRequest(store, options.requestId);
  const [only, ...more] = request.subject.snapshots;
  if (request.action !== "restore" || !only || more.length > 0) {
    throw new SnapgateError(
      "USAGE",
      `Request ${request.id} is not a restore of one snapshot (it asks to ${request.action} ${request.subject.snapshots.length} snapshot(s)).`,
      { fix: "Give the id of an approved restore request, as the app shows it." }
    );
  }
  return resolveSnapshot(store, only, { stream: options.stream ?? request.subject.environment });
}

// core/snapshot/assert-identity-is-recipient.ts
function assertIdentityIsRecipient(opener, manifest) {
  if (opener.recipients.some((recipient) => manifest.recipients.includes(recipient))) return;
  throw new SnapgateError(
    "WRONG_KEY",
    `Snapshot ${manifest.stream}@${manifest.seq} is encrypted to ${manifest.recipients.join(", ")}; your identity is ${opener.recipients.join(", ")}. Nothing was restored.`,
    {
      fix: "Use an identity whose public key is one of the snapshot's recipients (the restore environment's secret or the break-glass key)."
    }
  );
}

// actions/restore/inputs.ts
var restoreAction = defineAction({
  id: "restore",
  name: "Snapgate restore",
  description: "Decrypt a snapshot into a directory: an approved restore request (dispatched by the Snapgate App), or this run's own pre-deploy snapshot (automatic rollback).",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    snapshot: {
      kind: "string",
      description: "The snapshot: an id (or a prefix of 6+ characters), ENV@SEQ, latest (with environment), or a snapshot step's snapshot-id output. Default: the one the request names."
    },
    environment: {
      kind: "string",
      description: "The environment the snapshot must belong to (needed for latest)."
    },
    identity: {
      kind: "string",
      required: true,
      secret: true,
      description: "An age identity (AGE-SECRET-KEY-1...) the snapshot is encrypted to: a secret of the restore environment."
    },
    target: {
      kind: "string",
      required: true,
      description: "The directory to restore into (relative to the workspace). It must be empty or new unless overwrite is true."
    },
    include: {
      kind: "lines",
      description: "Restore only paths matching these globs, one per line. With a request: exactly its paths (the default)."
    },
    "request-id": {
      kind: "string",
      description: "The approved restore request to carry out (the app passes it). Without one, only a snapshot taken by this same workflow run can be restored."
    },
    "dry-run": {
      kind: "boolean",
      default: "false",
      description: "Decrypt and compare with the target; write nothing. The job summary lists what would be created or updated."
    },
    overwrite: {
      kind: "boolean",
      default: "false",
      description: "Restore into a non-empty directory, replacing the snapshot's files (other files are left alone): what a rollback into the workspace needs."
    },
    "verify-keys": {
      kind: "lines",
      description: "Trusted writer verify keys (sgw1...), one per line; the snapshot's signature must match one. Default: the policy's keys.writers."
    }
  },
  outputs: {
    "snapshot-id": { description: "The id of the snapshot restored." },
    environment: { description: "Its environment." },
    seq: { description: "Its sequence number." },
    files: { description: "Files and symlinks restored (or, in a dry run, compared)." },
    changes: {
      description: "Files written (in a dry run: files that would be created or updated)."
    },
    authorization: {
      description: "request (an approved request) or same-run (this run's own snapshot)."
    },
    "request-id": { description: "The request carried out (empty for a rollback)." }
  }
});

// actions/restore/restore-summary.ts
var LISTED = 200;
function restoreSummary(result, authorization) {
  const name = `${result.stream}@${result.seq} \`${result.id.slice(0, 12)}\``;
  const authority = authorization.kind === "request" ? `Approved request \`${authorization.request.id}\` (requested by @${authorization.request.requester.login}, approved by ${authorization.approvers.map((login) => `@${login}`).join(", ")}).` : `Automatic rollback: the snapshot was taken by this workflow run (${authorization.runUrl}).`;
  const scope = authorization.include.length ? ` Paths: ${authorization.include.map((glob) => `\`${glob}\``).join(", ")}.` : "";
  const parts = [
    `### Snapgate restore of ${name}${result.dryRun ? " (dry run)" : ""}`,
    "",
    `${authority}${scope}`,
    ""
  ];
  if (result.dryRun) {
    const count = (action) => result.plan.filter((item) => item.action === action).length;
    const changes = result.plan.filter((item) => item.action !== "unchanged");
    parts.push(
      `Compared with \`${result.target}\`: ${count("create")} to create, ${count("update")} to update, ${count("unchanged")} unchanged. Nothing was written.`,
      ""
    );
    if (changes.length > 0) {
      parts.push(
        markdownTable(
          ["change", "path"],
          changes.slice(0, LISTED).map((item) => [item.action, item.path])
        ),
        ...changes.length > LISTED ? ["", `... and ${changes.length - LISTED} more.`] : [],
        ""
      );
    }
  } else {
    parts.push(
      `Restored into \`${result.target}\`: ${result.files} file(s), ${result.symlinks} symlink(s), ${formatBytes(result.bytes)}.`,
      ""
    );
  }
  return `${parts.join("\n")}
`;
}

// actions/restore/settings.ts
import { resolve } from "node:path";
async function restoreSettings(values, context) {
  const trustedKeys = trustedWriterKeys(values["verify-keys"], context.policy);
  if (trustedKeys.length === 0) {
    throw new SnapgateError(
      "USAGE",
      "No trusted writer key to check the snapshot's signature against.",
      {
        fix: "Run the restore in a checkout that holds the policy (keys.writers), or pass verify-keys: sgw1... (printed by `snapgate keygen --writer`)."
      }
    );
  }
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    snapshot: values.snapshot,
    environment: values.environment,
    opener: await openerFromIdentityInput(values.identity),
    target: resolve(context.cwd, values.target),
    include: values.include,
    requestId: values["request-id"] ?? null,
    dryRun: values["dry-run"],
    overwrite: values.overwrite,
    trustedKeys
  };
}

// actions/restore/main.ts
async function main() {
  const values = readInputs(restoreAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const run = await readRunContext();
  const settings = await restoreSettings(values, { policy: loaded?.policy ?? null, run, cwd });
  const store = await openActionStore(settings.store);
  const entry = await resolveRestoreSnapshot(store, {
    spec: settings.snapshot,
    requestId: settings.requestId ?? void 0,
    stream: settings.environment
  });
  const snapshot = await loadSnapshot(store, entry);
  const now = /* @__PURE__ */ new Date();
  const authorization = await authorizeRestore({
    store,
    snapshot,
    trustedKeys: settings.trustedKeys,
    requestId: settings.requestId,
    policy: loaded?.policy ?? null,
    include: settings.include,
    run: run.run,
    now
  });
  assertIdentityIsRecipient(settings.opener, snapshot.manifest);
  if (authorization.kind === "request" && !settings.dryRun) {
    await claimRequestExecution(store, authorization.request, {
      snapshot: snapshot.id,
      paths: authorization.include,
      run: run.runUrl ?? null,
      at: now
    });
  }
  const result = await restoreSnapshot({
    store,
    snapshot,
    opener: settings.opener,
    trustedKeys: settings.trustedKeys,
    target: settings.target,
    include: authorization.include,
    overwrite: settings.overwrite,
    dryRun: settings.dryRun,
    // dist/actions/restore/index.js -> dist/workers/crypto-worker.js
    workerUrl: new URL("../../workers/crypto-worker.js", import.meta.url)
  });
  if (!result.dryRun) {
    await appendAuditEvents(store, [
      {
        type: "snapshot.restored",
        time: /* @__PURE__ */ new Date(),
        actor: {
          kind: "workflow",
          ...run.actor ? { login: run.actor } : {},
          ...run.runUrl ? { run: run.runUrl } : {}
        },
        subject: { stream: result.stream, seq: result.seq, snapshot: result.id },
        details: {
          authorization: authorization.kind,
          ...authorization.kind === "request" ? { request: authorization.request.id, approvers: authorization.approvers } : {},
          paths: authorization.include,
          files: result.files + result.symlinks
        },
        ...authorization.kind === "request" ? { requestDigest: authorization.request.digest } : {}
      }
    ]);
  }
  const changes = result.dryRun ? result.plan.filter((item) => item.action !== "unchanged").length : result.files + result.symlinks;
  setOutput("snapshot-id", result.id);
  setOutput("environment", result.stream);
  setOutput("seq", String(result.seq));
  setOutput("files", String(result.files + result.symlinks));
  setOutput("changes", String(changes));
  setOutput("authorization", authorization.kind);
  setOutput("request-id", authorization.kind === "request" ? authorization.request.id : "");
  info(
    result.dryRun ? `Dry run of ${result.stream}@${result.seq}: ${changes} change(s); nothing was written.` : `Restored ${result.stream}@${result.seq} (${result.id.slice(0, 12)}) into ${result.target}.`
  );
  await writeSummary(restoreSummary(result, authorization));
}

// actions/restore/index.ts
await runAction(main);
