import { SnapgateError } from "../../core/errors.js";
import { diffSnapshots } from "../../core/snapshot/diff-snapshots.js";
import { resolveSnapshot } from "../../core/snapshot/resolve-snapshot.js";
import { flag, stringValue, type Command } from "../command.js";
import { openStore, STORE_OPTION } from "../open-store.js";
import { json } from "../output.js";

export const diffCommand: Command = {
  name: "diff",
  summary:
    "What changed between two snapshots (or a snapshot and the one before it), by keyed id: no decryption",
  usage: "snapgate diff A [B] --store STORE [--env ENV] [--json]",
  help: [
    "A [B]             with one snapshot: what it changed; with two: from A to B",
    "--env ENV  the environment `latest` means (needed when the store holds several)",
  ],
  json: "`{from, to, added[], removed[], changed: [{path, kinds}], unchanged}`",
  options: { ...STORE_OPTION, env: { type: "string" } },
  async run(args, context) {
    const [first, second] = args.positionals;
    if (!first || args.positionals.length > 2)
      throw new SnapgateError("USAGE", "diff takes one or two snapshots.", {
        fix: `Usage: ${this.usage}`,
      });
    const store = await openStore(args, context);
    const stream = stringValue(args, "env");
    const a = await resolveSnapshot(store, first, { stream });
    const diff = second
      ? await diffSnapshots(store, await resolveSnapshot(store, second, { stream }), a)
      : await diffSnapshots(store, a);
    if (flag(args, "json")) {
      context.stdout(
        json({
          from: diff.from,
          to: diff.to,
          added: diff.added.map((f) => f.path),
          removed: diff.removed.map((f) => f.path),
          changed: diff.changed.map((c) => ({ path: c.path, kinds: c.kinds })),
          unchanged: diff.unchanged,
        }),
      );
      return 0;
    }
    const from = diff.from ? `${diff.from.stream}@${diff.from.seq}` : "(nothing)";
    const lines = [`${from} -> ${diff.to.stream}@${diff.to.seq}`];
    for (const f of diff.added) lines.push(`+ ${f.path}`);
    for (const f of diff.removed) lines.push(`- ${f.path}`);
    for (const c of diff.changed) lines.push(`M ${c.path} (${c.kinds.join(", ")})`);
    lines.push(
      `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`,
    );
    context.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
