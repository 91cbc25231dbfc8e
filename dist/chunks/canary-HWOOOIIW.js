import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  ALERT_HELP,
  ALERT_OPTION,
  openAlertIssues,
  syncAlertIssues
} from "./chunk-QB5DGMVC.js";
import {
  cliActor
} from "./chunk-DNJA6OCC.js";
import {
  KEY_OPTIONS,
  loadOpener,
  loadWriterKey
} from "./chunk-5AV4R2DH.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  requireCliPolicy
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
  listValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  restoreSnapshot
} from "./chunk-EIINNPMH.js";
import "./chunk-TDVGICWC.js";
import "./chunk-CPZT5EG3.js";
import {
  loadSnapshot
} from "./chunk-QNEOUFJD.js";
import {
  createSnapshot
} from "./chunk-PUR5S3H7.js";
import "./chunk-IEOR2R4X.js";
import "./chunk-C266N7X3.js";
import "./chunk-MS7OGOB6.js";
import "./chunk-FVHYGXQ4.js";
import "./chunk-7T6BWT36.js";
import "./chunk-7RENLTOI.js";
import {
  epochRecipients
} from "./chunk-CDLC5QT7.js";
import "./chunk-AYS4OF2G.js";
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
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
import {
  resolveSnapshot
} from "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import "./chunk-KKUHDW3D.js";
import "./chunk-PZ5T2MZR.js";
import "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PP22UWMA.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-AXJEESJ2.js";
import "./chunk-CU3A7CPO.js";
import {
  STREAM_PATTERN
} from "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
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
  SnapgateError,
  asSnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/operations/run-canary.ts
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var CANARY_STREAM = "snapgate-canary";
var CANARY_FILE = "canary.txt";
async function runCanary(options) {
  const stream = options.stream ?? CANARY_STREAM;
  const work = await mkdtemp(join(tmpdir(), "snapgate-canary-"));
  const content = `snapgate canary ${options.now().toISOString()} ${randomBytes(16).toString("hex")}
`;
  let result;
  let snapshot = null;
  let stage = "snapshot";
  try {
    await mkdir(join(work, "source"));
    await writeFile(join(work, "source", CANARY_FILE), content);
    const taken = await createSnapshot({
      store: options.store,
      root: join(work, "source"),
      paths: [CANARY_FILE],
      stream,
      phase: "scheduled",
      time: options.now(),
      metadata: { tags: ["canary"] },
      recipients: options.recipients,
      writerKey: options.writerKey,
      now: options.now
    });
    snapshot = taken.id !== null && taken.seq !== null ? { id: taken.id, seq: taken.seq } : null;
    stage = "restore";
    const entry = await resolveSnapshot(options.store, taken.id ?? "latest", { stream });
    const target = join(work, "restored");
    await restoreSnapshot({
      store: options.store,
      snapshot: await loadSnapshot(options.store, entry),
      opener: options.opener,
      trustedKeys: options.trustedKeys,
      target
    });
    stage = "compare";
    const back = await readFile(join(target, CANARY_FILE), "utf8");
    result = back === content ? {
      ok: true,
      stream,
      failedAt: null,
      message: `The canary ${stream}@${snapshot?.seq} was written, restored and matches (${content.length} bytes).`,
      fix: null,
      snapshot,
      bytes: content.length
    } : {
      ok: false,
      stream,
      failedAt: "compare",
      message: `The canary ${stream}@${snapshot?.seq} restored, but its content differs from what was written.`,
      fix: "The store returned other bytes than were sealed: run `snapgate verify --level restore` on real snapshots and check the store for tampering.",
      snapshot,
      bytes: content.length
    };
  } catch (error) {
    const failure = asSnapgateError(error);
    result = {
      ok: false,
      stream,
      failedAt: stage,
      message: `The canary failed to ${stage === "snapshot" ? "snapshot" : "restore"}: ${failure.summary}`,
      fix: failure.fix ?? (stage === "snapshot" ? "Check the writer key and the store the snapshot jobs use." : "Check that the restore identity matches the policy's recipients (keys.recipients, keys.epochs)."),
      snapshot,
      bytes: content.length
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  try {
    await appendAuditEvents(options.store, [
      {
        type: "canary.checked",
        time: options.now(),
        actor: options.actor ?? { kind: "cli" },
        subject: { stream, ...snapshot ? { seq: snapshot.seq, snapshot: snapshot.id } : {} },
        details: { ok: result.ok, failedAt: result.failedAt, message: result.message }
      }
    ]);
  } catch (error) {
    if (result.ok) throw error;
    result.message += ` Its audit event could not be written either: ${asSnapgateError(error).summary}`;
  }
  return result;
}

// cli/commands/canary.ts
function describe(result, alerts) {
  const lines = [`${result.ok ? "PASS" : "FAIL"} ${result.message}`];
  if (result.fix) lines.push(`  fix: ${result.fix}`);
  for (const change of alerts?.changes ?? [])
    lines.push(
      `alert ${change.action}: ${change.environment} ${change.problem} #${change.issue} ${change.url}`
    );
  return `${lines.join("\n")}
`;
}
var canaryCommand = {
  name: "canary",
  summary: "Synthetic canary: snapshot a fresh file, restore it with the restore identity, compare",
  usage: "snapgate canary --store STORE --identity FILE|--identity-command CMD --writer-key FILE [--stream NAME] [--env ENV] [--alert OWNER/REPO] [--policy FILE] [--json]",
  help: [
    `--stream NAME         the stream canary snapshots go to (default ${CANARY_STREAM}; not a policy environment)`,
    "--env ENV             seal to the recipients of this environment's tier (default: keys.recipients)",
    "--identity FILE       the identity restores use (or SNAPGATE_IDENTITY)",
    "--identity-command CMD  read the identity from this shell command's stdout",
    "--writer-key FILE     the snapshot jobs' writer key (or SNAPGATE_WRITER_KEY)",
    "--verify-key KEY      trusted writer verify keys (repeatable; default: the policy's keys.writers)",
    ALERT_HELP,
    POLICY_HELP,
    "writes a small snapshot of canary.txt and a canary.checked audit event; with --alert a failure opens",
    "(or updates) the snapgate-alert issue of <stream> canary, and a pass closes it",
    `exit codes: 0 passed, ${EXIT_PROBLEMS} failed`
  ],
  json: "`{ok, stream, failedAt: snapshot|restore|compare|null, message, fix, snapshot: {id, seq} | null, bytes, alerts?: {changes: [{action, environment, problem, issue, url}], claimedElsewhere}}`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    ...KEY_OPTIONS,
    ...ALERT_OPTION,
    stream: { type: "string" },
    env: { type: "string" }
  },
  async run(args, context) {
    const stream = stringValue(args, "stream") ?? CANARY_STREAM;
    if (!STREAM_PATTERN.test(stream)) {
      throw new SnapgateError("USAGE", `--stream '${stream}' is not a valid stream name.`, {
        fix: "Use lower-case letters, digits, '.', '_' and '-', e.g. snapgate-canary."
      });
    }
    const { policy } = await requireCliPolicy(args, context, context.cwd, "canary");
    if (policy.environments[stream]) {
      throw new SnapgateError("USAGE", `--stream ${stream} is an environment of the policy.`, {
        fix: `Give the canary its own stream (default ${CANARY_STREAM}): its snapshots must not count as backups of ${stream}.`
      });
    }
    const env = stringValue(args, "env");
    const tier = env === void 0 ? "" : policy.environments[env]?.tier;
    if (tier === void 0) {
      throw new SnapgateError("CONFIG", `The policy has no environment '${env}'.`, {
        fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
      });
    }
    const opener = await loadOpener(args, context);
    if (!opener) {
      throw new SnapgateError("USAGE", "The canary restores, so it needs an age identity.", {
        fix: "Pass --identity FILE, --identity-command CMD or set SNAPGATE_IDENTITY (the restore environment's secret)."
      });
    }
    const writerKey = await loadWriterKey(args, context, true);
    const issues = await openAlertIssues(args, context);
    const store = await openStore(args, context);
    await store.assertExists();
    const actor = cliActor(context);
    const result = await runCanary({
      store,
      stream,
      recipients: epochRecipients(policy, tier, /* @__PURE__ */ new Date()).recipients,
      writerKey,
      opener,
      trustedKeys: trustedWriterKeys(listValue(args, "verify-key"), policy),
      now: () => /* @__PURE__ */ new Date(),
      actor
    });
    const alerts = issues ? await syncAlertIssues({
      issues,
      alerts: result.ok ? [] : [
        {
          environment: stream,
          problem: "canary",
          message: result.message,
          fix: result.fix ?? "",
          revision: `failed at ${result.failedAt ?? ""}`
        }
      ],
      covers: (environment, problem) => environment === stream && problem === "canary",
      store,
      actor,
      now: /* @__PURE__ */ new Date()
    }) : void 0;
    context.stdout(
      flag(args, "json") ? json({ ...result, ...alerts ? { alerts } : {} }) : describe(result, alerts)
    );
    return result.ok ? 0 : EXIT_PROBLEMS;
  }
};
export {
  canaryCommand
};
