import { SnapgateError } from "../../core/errors.js";
import { formatBytes } from "../../core/format-bytes.js";
import { computeStoreStats, type BlobFigures } from "../../core/operations/compute-store-stats.js";
import { stringValue, flag, type Command, type ParsedArgs } from "../command.js";
import { GITHUB_STORE_HELP, openStore, STORE_OPTION, storeSpec } from "../open-store.js";
import { json, renderTable } from "../output.js";

function numberOption(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const text = stringValue(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new SnapgateError("USAGE", `--${name} '${text}' is not a number from ${min} to ${max}.`, {
      fix: `Give --${name} a number, e.g. --retention-days 90 --churn 5 (percent per snapshot).`,
    });
  }
  return value;
}

function ratio(figures: BlobFigures): string {
  return figures.dedupRatio === null ? "-" : `${figures.dedupRatio.toFixed(2)}x`;
}

function growth(figures: BlobFigures): string {
  return figures.growthPerSnapshot === null
    ? "-"
    : formatBytes(Math.round(figures.growthPerSnapshot));
}

export const statsCommand: Command = {
  name: "stats",
  summary:
    "Sizing: snapshots, unique blobs, bytes, dedup and growth per environment and tier, and a projection",
  usage:
    "snapgate stats --store STORE [--env ENV] [--retention-days N --churn PCT [--snapshots-per-day R]] [--json]",
  help: [
    "--env ENV               one environment (default: every environment of the store)",
    "--retention-days N      project the storage a retention of N days needs...",
    "--churn PCT             ...when PCT percent of the newest snapshot's bytes change per snapshot",
    "--snapshots-per-day R   the snapshot rate (default: observed between the first and newest snapshot; 1 when unknown)",
    "projection: N = days x rate; retained = S + N x (churn x S + M); after the window, nothing pruned = today + N x (churn x S + M) (S: newest snapshot's blob bytes, M: manifest bytes per snapshot)",
    "a github:// store warns past GitHub's size guidance (1 GB recommended, 5 GB strongly recommended), now or after the window",
    ...GITHUB_STORE_HELP,
  ],
  json: "`{location, environments: [{environment, snapshots, forgotten, uniqueBlobs, blobBytes, referencedBytes, dedupRatio, growthPerSnapshot, manifestBytes, tiers: [{tier, snapshots, uniqueBlobs, blobBytes, referencedBytes, dedupRatio, growthPerSnapshot}], projection?: {retentionDays, churnPercent, snapshotsPerDay, rateFrom, snapshotsRetained, currentSnapshotBytes, manifestBytesPerSnapshot, retainedBytes, bytesAfterWindow}}], store: {blobs, blobBytes, manifests, manifestBytes, nodes, nodeBytes, bytes}, projection?: {bytesAfterWindow}, warnings: [{kind, message, fix}]}`",
  options: {
    ...STORE_OPTION,
    env: { type: "string" },
    "retention-days": { type: "string" },
    churn: { type: "string" },
    "snapshots-per-day": { type: "string" },
  },
  async run(args, context) {
    const store = await openStore(args, context);
    const retentionDays = numberOption(args, "retention-days", 0, 36_500);
    const churnPercent = numberOption(args, "churn", 0, 100);
    const snapshotsPerDay = numberOption(args, "snapshots-per-day", 0, 100_000);
    if ((retentionDays === undefined) !== (churnPercent === undefined)) {
      throw new SnapgateError("USAGE", "A projection needs both --retention-days and --churn.", {
        fix: "Pass both, e.g. --retention-days 90 --churn 5, or neither.",
      });
    }
    const stream = stringValue(args, "env");
    const stats = await computeStoreStats({
      store,
      github: storeSpec(args, context).startsWith("github://"),
      ...(stream ? { stream } : {}),
      ...(retentionDays !== undefined && churnPercent !== undefined
        ? {
            projection: {
              retentionDays,
              churnPercent,
              ...(snapshotsPerDay !== undefined ? { snapshotsPerDay } : {}),
            },
          }
        : {}),
    });
    if (flag(args, "json")) {
      context.stdout(json(stats));
      return 0;
    }
    const rows: string[][] = [];
    for (const env of stats.environments) {
      rows.push([
        env.environment,
        "(all)",
        String(env.snapshots),
        String(env.uniqueBlobs),
        formatBytes(env.blobBytes),
        formatBytes(env.manifestBytes),
        ratio(env),
        growth(env),
      ]);
      for (const tier of env.tiers)
        rows.push([
          "",
          tier.tier,
          String(tier.snapshots),
          String(tier.uniqueBlobs),
          formatBytes(tier.blobBytes),
          "",
          ratio(tier),
          growth(tier),
        ]);
    }
    context.stdout(
      renderTable(
        [
          "environment",
          "tier",
          "snapshots",
          "blobs",
          "blob bytes",
          "manifests",
          "dedup",
          "growth/snapshot",
        ],
        rows,
      ),
    );
    const total = stats.store;
    context.stdout(
      `Store ${stats.location}: ${total.blobs} blob(s) ${formatBytes(total.blobBytes)}, ${total.manifests} manifest(s) ${formatBytes(total.manifestBytes)}, ${total.nodes} node(s) ${formatBytes(total.nodeBytes)}; ${formatBytes(total.bytes)} in all.\n`,
    );
    for (const env of stats.environments) {
      const p = env.projection;
      if (!p) continue;
      context.stdout(
        `${env.environment}: ${p.retentionDays} day(s) at ${p.snapshotsPerDay.toFixed(2)} snapshot(s)/day (${p.rateFrom}), ${p.churnPercent}% churn: retained ${formatBytes(p.retainedBytes)}; ${formatBytes(p.bytesAfterWindow)} after the window if nothing is pruned.\n`,
      );
    }
    if (stats.projection)
      context.stdout(
        `Store after the window, nothing pruned: ${formatBytes(stats.projection.bytesAfterWindow)}.\n`,
      );
    for (const warning of stats.warnings)
      context.stdout(`warning: ${warning.message}\n  fix: ${warning.fix}\n`);
    return 0;
  },
};
