import { SnapgateError } from "../../core/errors.js";
import { formatBytes } from "../../core/format-bytes.js";
import { loadSodium } from "../../core/crypto/sodium.js";
import { trustedWriterKeys } from "../../core/policy/trusted-writer-keys.js";
import type { WriterKeyRule } from "../../core/policy/policy.js";
import { replicateStore } from "../../core/replicate/replicate-store.js";
import { flag, requireValue, stringValue, type Command } from "../command.js";
import { trustedKeys } from "../load-keys.js";
import { loadCliPolicy, POLICY_OPTION } from "../load-cli-policy.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";
import { progressReporter } from "../progress.js";

const { store: _store, ...STORE_OPTIONS_BUT_STORE } = STORE_OPTION;

export const replicateCommand: Command = {
  name: "replicate",
  summary:
    "Copy what a second store lacks (blobs, manifests, catalog, records, audit), checking signatures and chains",
  usage:
    "snapgate replicate --from STORE --to STORE [--env ENV] [--verify] [--verify-key sgw1... | --policy FILE] [--json]",
  help: [
    "--from STORE        the store to copy from: a directory, github://OWNER/REPO[@branch] or s3://BUCKET/PREFIX",
    "--to STORE          the replica: created if new; must hold a prefix of the source's chains (else refused)",
    "--env ENV           only this environment: its manifests, their blobs and its records (the audit log is store-wide and always copied)",
    "--verify            afterwards re-read the replica: every chain, the audit chain, every blob its snapshots name",
    "--verify-key KEY    a trusted writer verify key (repeatable; or SNAPGATE_VERIFY_KEYS); default: the policy's keys.writers",
    "--policy FILE       trust the policy's keys.writers (default: .github/snapgate.yml, when it exists)",
    "idempotent and resumable: a second run copies nothing; after a crash, run it again",
    "order: blobs, then manifest nodes, then roots with catalog and head, then records, then audit (ADR 1401)",
  ],
  json: "`{from, to, streams: [{stream, from, to, copied}], copied: {blobs, nodes, manifests, records, auditEvents}, bytes, verified}` (`streams[].from`/`to`: the newest seq in each store before the run)",
  options: {
    from: { type: "string" },
    to: { type: "string" },
    env: { type: "string" },
    verify: { type: "boolean" },
    "verify-key": { type: "string", multiple: true },
    // Both stores' options but --store; the Object Lock options only matter where it writes, the replica.
    ...STORE_OPTIONS_BUT_STORE,
    ...POLICY_OPTION,
  },
  async run(args, context) {
    const fromSpec = requireValue(args, "from", this, "Name the store to copy from.");
    const toSpec = requireValue(args, "to", this, "Name the replica to copy into.");
    const storeArgs = (spec: string) => ({ ...args, values: { ...args.values, store: spec } });
    const [from, to] = await Promise.all([
      openStore(storeArgs(fromSpec), context),
      openStore(storeArgs(toSpec), context),
    ]);
    let keys = trustedKeys(args, context);
    let periods: WriterKeyRule[] = [];
    if (keys.length === 0) {
      const loaded = await loadCliPolicy(args, context, context.cwd);
      keys = trustedWriterKeys([], loaded?.policy ?? null);
      periods = loaded?.policy.keys.writers ?? [];
    }
    if (keys.length === 0) {
      throw new SnapgateError(
        "USAGE",
        "replicate checks every manifest's signature and has no writer key to trust.",
        {
          fix: "Pass --verify-key sgw1... (or SNAPGATE_VERIFY_KEYS), or run it where .github/snapgate.yml lists keys.writers (or pass --policy FILE).",
        },
      );
    }
    const asJson = flag(args, "json");
    const redraw = progressReporter(context, true);
    const logged = new Set<string>();
    const stream = stringValue(args, "env");
    const report = await replicateStore({
      from,
      to,
      sodium: await loadSodium(),
      trustedKeys: keys,
      writerPeriods: periods,
      ...(stream ? { stream } : {}),
      verify: flag(args, "verify"),
      onProgress: (phase, done, total) => {
        redraw(phase, done, total);
        // Not a terminal (a workflow log): one line per phase when it completes.
        if (!context.interactive && done === total && !logged.has(phase)) {
          logged.add(phase);
          context.stderr(`replicate: ${phase} ${done}/${total}\n`);
        }
      },
    });
    if (asJson) {
      context.stdout(json(report));
      return 0;
    }
    for (const entry of report.streams)
      context.stdout(
        `${entry.stream}: ${entry.copied === 0 ? "up to date" : `copied ${entry.copied} snapshot(s)`} (source at ${entry.from}, replica was at ${entry.to})\n`,
      );
    const { copied } = report;
    context.stdout(
      `Copied ${copied.blobs} blob(s), ${copied.nodes} node(s), ${copied.manifests} manifest(s), ${copied.records} record(s), ${copied.auditEvents} audit event(s) (${formatBytes(report.bytes)}) from ${report.from} to ${report.to}.${report.verified ? " Verified the replica." : ""}\n`,
    );
    return 0;
  },
};
