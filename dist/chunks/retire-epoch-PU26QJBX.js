import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  KEY_OPTIONS,
  trustedKeys
} from "./chunk-5AV4R2DH.js";
import {
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
  json
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import {
  selectSnapshots
} from "./chunk-SS2O264C.js";
import "./chunk-AYS4OF2G.js";
import {
  trustedWriterKeys
} from "./chunk-W3X2RYBW.js";
import {
  rewrappedManifestView
} from "./chunk-J7IEGQJ6.js";
import {
  recipientsOfFile
} from "./chunk-HVMTTQAX.js";
import "./chunk-LNWDKVHM.js";
import "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import "./chunk-PZ5T2MZR.js";
import "./chunk-CY3L4U4E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-DENSVYIT.js";
import {
  openManifest
} from "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-K6EMEHOA.js";
import "./chunk-FHIUXZPM.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// core/rekey/retired-epoch-path.ts
function retiredEpochPath(epoch) {
  return `epochs/${epoch}/retired.json`;
}

// core/rekey/retire-epoch.ts
async function retireEpoch(options) {
  const { store, policy } = options;
  const epochs = policy.keys.epochs ?? [];
  const epoch = epochs.find((candidate) => candidate.name === options.epoch);
  if (!epoch) {
    throw new SnapgateError("USAGE", `The policy has no key epoch '${options.epoch}'.`, {
      fix: `Name one of keys.epochs: ${epochs.map((e) => e.name).join(", ") || "(none defined)"}.`
    });
  }
  const staying = /* @__PURE__ */ new Set([
    ...policy.keys.recipients,
    ...epochs.filter((other) => other !== epoch).flatMap((other) => other.recipients)
  ]);
  const retiring = distinctRecipients(epoch.recipients).filter((r) => !staying.has(r));
  const result = {
    epoch: epoch.name,
    retiring,
    retired: false,
    record: null,
    needed: []
  };
  const sodium = await loadSodium();
  const { snapshots, forgotten } = await selectSnapshots(store, { all: true });
  for (const entry of snapshots) {
    if (forgotten.has(entry.id)) continue;
    const bytes = await store.readManifest(entry.stream, entry.seq);
    if (!bytes) continue;
    const manifest = await openManifest(store, bytes, `manifest ${entry.stream}@${entry.seq}`);
    const view = await rewrappedManifestView(store, manifest, sodium, options.trustedKeys);
    const lost = view.files.filter((file) => {
      if (file.type !== "file") return false;
      const recipients = recipientsOfFile(view, file);
      return recipients.length > 0 && recipients.every((r) => retiring.includes(r));
    });
    if (lost.length > 0) {
      result.needed.push({
        id: entry.id,
        stream: entry.stream,
        seq: entry.seq,
        paths: lost.slice(0, 5).map((file) => file.path)
      });
    }
  }
  if (result.needed.length > 0 || options.dryRun) return result;
  const path = retiredEpochPath(epoch.name);
  const at = (options.now ?? (() => /* @__PURE__ */ new Date()))().toISOString();
  await store.writeRecords([
    {
      path,
      bytes: new TextEncoder().encode(
        `${JSON.stringify({ format: "snapgate.epoch-retired/v1", epoch: epoch.name, recipients: retiring, retiredAt: at }, null, 2)}
`
      )
    }
  ]);
  return { ...result, retired: true, record: path };
}

// cli/commands/retire-epoch.ts
var retireEpochCommand = {
  name: "retire-epoch",
  summary: "Mark a key epoch's identities retired (then destroy them: crypto-shredding), refusing while a snapshot under retention needs them",
  usage: "snapgate retire-epoch EPOCH --store STORE [--policy FILE] [--verify-key sgw1...] [--dry-run] [--json]",
  help: [
    "EPOCH                 the name of a key epoch in the policy's keys.epochs",
    "--policy FILE         the policy (default: .github/snapgate.yml)",
    "--verify-key KEY      trust re-wrap records signed by this key (default: the policy's keys.writers)",
    "--dry-run             list the snapshots that still need the epoch; record nothing",
    "writes epochs/<epoch>/retired.json; on a git store this, and destroying the identities, is the only real deletion",
    `exit codes: 0 retired (or nothing needs it, with --dry-run), ${EXIT_PROBLEMS} snapshots under retention still need it (listed)`
  ],
  json: "`{epoch, retiring[], retired, record, needed: [{id, stream, seq, paths[]}]}`",
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    "verify-key": KEY_OPTIONS["verify-key"],
    "dry-run": { type: "boolean" }
  },
  async run(args, context) {
    const name = args.positionals[0];
    if (!name) {
      throw new SnapgateError("USAGE", "Which key epoch?", {
        fix: `Name one of the policy's keys.epochs. Usage: ${this.usage}`
      });
    }
    const { policy } = await requireCliPolicy(args, context, context.cwd, "retire-epoch");
    const given = trustedKeys(args, context);
    const result = await retireEpoch({
      store: await openStore(args, context),
      policy,
      epoch: name,
      trustedKeys: given.length > 0 ? given : trustedWriterKeys([], policy),
      dryRun: flag(args, "dry-run")
    });
    if (flag(args, "json")) {
      context.stdout(json(result));
    } else if (result.needed.length > 0) {
      context.stdout(
        `Key epoch ${result.epoch} is still needed: ${result.needed.length} snapshot(s) under retention have files only its identities open.
`
      );
      for (const need of result.needed) {
        context.stdout(
          `  ${need.stream}@${need.seq} ${need.id.slice(0, 12)}: ${need.paths.join(", ")}
`
        );
      }
      context.stdout(
        "Re-wrap them to a current epoch (`snapgate rekey`) or let retention forget them, then run this again.\n"
      );
    } else if (result.retired) {
      context.stdout(
        `Key epoch ${result.epoch} is retired (${result.record}). Now destroy every copy of the identities of ${result.retiring.join(", ") || "(none: all are still used elsewhere)"}: see docs/runbooks/retire-identity.md.
`
      );
    } else {
      context.stdout(`No snapshot under retention needs key epoch ${result.epoch}.
`);
    }
    return result.needed.length === 0 ? 0 : EXIT_PROBLEMS;
  }
};
export {
  retireEpochCommand
};
