import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  cliActor
} from "./chunk-DNJA6OCC.js";
import {
  POLICY_HELP,
  POLICY_OPTION,
  requireCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  S3Store
} from "./chunk-6DYNTZOJ.js";
import "./chunk-TXCZOU2P.js";
import {
  S3_STORE_HELP,
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  requireValue,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import {
  policyDigest
} from "./chunk-JLM63NIZ.js";
import "./chunk-CPZT5EG3.js";
import {
  snapshotTier
} from "./chunk-KBLB3GEK.js";
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
import {
  readCatalog
} from "./chunk-WSRUPF57.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import {
  parseManifest,
  parseManifestNode
} from "./chunk-L3YJLP3Q.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-U2VA4CFL.js";
import {
  blobPath,
  gzipNodePath,
  manifestPath,
  nodePath
} from "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/lift-legal-hold.ts
import { resolve } from "node:path";

// core/snapshot/plan-legal-hold-lift.ts
var RECORD_FOLDERS = ["tombstones", "verifications", "drills", "locks"];
async function planLegalHoldLift(store, policy, environment) {
  const tier = snapshotTier(policy, environment);
  const hold = tier.retention.floor.legalHold;
  if (hold) {
    throw new SnapgateError(
      "POLICY",
      `${environment}'s tier ${tier.name} still has a legal hold (${hold.reason}); its S3 legal holds stay.`,
      {
        fix: `Lifting follows the policy: remove tiers.${tier.name}.retention.floor.legal_hold on the default branch (a reviewed change), then run this again.`
      }
    );
  }
  const nodes = /* @__PURE__ */ new Map();
  const nodeFiles = (id, where) => {
    let read = nodes.get(id);
    if (!read) {
      read = store.readNode(id).then((bytes) => bytes ? parseManifestNode(bytes, id, where).files : null);
      nodes.set(id, read);
    }
    return read;
  };
  const objectsOf = async (stream, seq) => {
    const where = `${stream}@${seq}`;
    const bytes = await store.readManifest(stream, seq);
    if (!bytes) return [];
    const record = parseManifest(bytes, where);
    const paths = [manifestPath(stream, seq)];
    const files = [];
    if ("files" in record && Array.isArray(record.files)) files.push(...record.files);
    for (const id of record.nodes ?? []) {
      paths.push(nodePath(id), gzipNodePath(id));
      files.push(...await nodeFiles(id, where) ?? []);
    }
    for (const file of files) if (file.type === "file") paths.push(blobPath(blobRefOf(file)));
    return paths;
  };
  const released = [];
  const held = [];
  const lift = /* @__PURE__ */ new Set();
  const keep = /* @__PURE__ */ new Set();
  for (const stream of await store.listStreams()) {
    const known = policy.environments[stream] !== void 0;
    for (const entry of await readCatalog(store, stream)) {
      const own = known ? snapshotTier(policy, stream, entry) : null;
      const reason = own ? own.retention.floor.legalHold?.reason : "not an environment of the policy";
      const objects = await objectsOf(stream, entry.seq);
      if (reason !== void 0) {
        for (const path of objects) keep.add(path);
        if (stream === environment) held.push({ seq: entry.seq, tier: own?.name ?? "", reason });
      } else if (stream === environment) {
        for (const path of objects) lift.add(path);
        released.push(entry.seq);
      }
    }
  }
  if (held.length === 0) {
    for (const folder of RECORD_FOLDERS)
      for (const path of await store.listRecords(`${folder}/${environment}`)) lift.add(path);
  }
  return {
    environment,
    tier: tier.name,
    released,
    held,
    paths: [...lift].filter((path) => !keep.has(path)).sort()
  };
}

// cli/commands/lift-legal-hold.ts
var liftLegalHoldCommand = {
  name: "lift-legal-hold",
  summary: "Turn S3 legal holds off on an environment's objects once the policy no longer holds its tier",
  usage: "snapgate lift-legal-hold --store s3://BUCKET/PREFIX --env ENV [--policy FILE] [--dry-run] [--json]",
  help: [
    "--env ENV             the environment whose snapshots' manifests, nodes, blobs and records lose their S3 legal hold",
    POLICY_HELP,
    "--root DIR            where .github/snapgate.yml is (default: the working directory)",
    "--dry-run             list what would be lifted; change nothing",
    "refuses while the environment's tier has retention.floor.legal_hold; keeps the hold on anything a held snapshot (of any environment) still names",
    "retention is untouched: a version stays undeletable until its retain-until passes",
    ...S3_STORE_HELP.slice(0, 2)
  ],
  json: "`{environment, tier, dryRun, released[], held: [{seq, tier, reason}], objects, versions, lifted: [{path, versionId}], policyDigest}` (`released`: the seqs whose objects lose their hold; `objects`: paths looked at; `versions`: their versions; `lifted`: versions whose hold was (with `--dry-run`: would be) turned off)",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    env: { type: "string" },
    root: { type: "string" },
    "dry-run": { type: "boolean" }
  },
  async run(args, context) {
    const env = requireValue(args, "env", this, "Name the environment, e.g. --env prod.");
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const { policy } = await requireCliPolicy(args, context, root, "lift-legal-hold");
    const store = await openStore(args, context);
    if (!(store instanceof S3Store)) {
      throw new SnapgateError(
        "USAGE",
        `${store.location} is not an s3:// store: only S3 Object Lock has legal holds to lift.`,
        {
          fix: "On a local or GitHub store, removing retention.floor.legal_hold from the policy is all it takes."
        }
      );
    }
    const dryRun = flag(args, "dry-run");
    const plan = await planLegalHoldLift(store, policy, env);
    const { lifted, versions } = await store.liftLegalHolds(plan.paths, dryRun);
    const digest = `sha256:${policyDigest(policy)}`;
    if (!dryRun && lifted.length > 0) {
      await appendAuditEvents(store, [
        {
          type: "legal-hold.lifted",
          time: /* @__PURE__ */ new Date(),
          actor: cliActor(context),
          subject: { stream: env },
          details: {
            tier: plan.tier,
            snapshots: plan.released,
            objects: plan.paths.length,
            versions: lifted.length,
            stillHeld: plan.held.map((item) => item.seq),
            policyDigest: digest
          }
        }
      ]);
    }
    if (flag(args, "json")) {
      context.stdout(
        json({
          environment: env,
          tier: plan.tier,
          dryRun,
          released: plan.released,
          held: plan.held,
          objects: plan.paths.length,
          versions,
          lifted,
          policyDigest: digest
        })
      );
      return 0;
    }
    context.stdout(
      `${dryRun ? "Would lift" : "Lifted"} the S3 legal hold of ${lifted.length} object version(s) of ${env} (${plan.released.length} snapshot(s), ${plan.paths.length} object(s) looked at).
`
    );
    for (const item of plan.held)
      context.stdout(`  kept: ${env}@${item.seq} is still held by ${item.tier} (${item.reason})
`);
    return 0;
  }
};
export {
  liftLegalHoldCommand
};
