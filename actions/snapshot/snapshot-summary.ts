import { formatBytes } from "../../core/format-bytes.js";
import type { SnapshotResult } from "../../core/snapshot/create-snapshot.js";
import type { PolicySnapshotResult } from "../../core/snapshot/snapshot-under-policy.js";
import { markdownTable } from "../lib/markdown-table.js";

const LISTED = 50;

/**
 * The job summary: what was captured per component and tier, what the
 * policy found, and what was excluded or skipped. Paths and metadata only:
 * a summary is as readable as the run's log.
 */
export function snapshotSummary(input: {
  result: SnapshotResult;
  underPolicy: PolicySnapshotResult | null;
  policyFile: string | null;
  phase: string;
  store: string;
}): string {
  const { result, underPolicy } = input;
  const name = `${result.stream}@${result.seq}`;
  const id = `\`${(result.id ?? "").slice(0, 12)}\``;
  const parts = [`### Snapgate snapshot ${name} (${input.phase})`, ""];
  parts.push(
    result.skipped
      ? `Nothing changed since ${name} ${id}: no snapshot was written (skip-unchanged).`
      : `Snapshot ${id} written to \`${input.store}\`: ${result.files} file(s), ${formatBytes(result.bytes)}; ${result.newBlobs} new blob(s) (${formatBytes(result.bytesAdded)} stored), ${result.reusedBlobs} reused.`,
    "",
  );

  const groups = new Map<
    string,
    { component: string; tier: string; files: number; bytes: number }
  >();
  for (const file of result.manifest?.files ?? []) {
    const component = file.component ?? "(no component)";
    const tier = file.tier ?? "";
    const key = `${component}\u0000${tier}`;
    const group = groups.get(key) ?? { component, tier, files: 0, bytes: 0 };
    group.files += 1;
    group.bytes += file.type === "file" ? file.size : 0;
    groups.set(key, group);
  }
  if (groups.size > 0) {
    const rows = [...groups.values()].sort(
      (a, b) => a.tier.localeCompare(b.tier) || a.component.localeCompare(b.component),
    );
    parts.push(
      "#### Captured",
      "",
      markdownTable(
        ["component", "tier", "files", "size"],
        rows.map((row) => [row.component, row.tier || "-", row.files, formatBytes(row.bytes)]),
      ),
      "",
    );
  }

  if (underPolicy) {
    const { recipients, consistency, coverage } = underPolicy;
    parts.push(
      `Policy \`${input.policyFile}\`: ${result.stream} is ${underPolicy.tier}; encrypted to ${recipients.fromPolicy.length} recipient(s) from keys.recipients${recipients.added.length ? ` and ${recipients.added.length} from the recipients input` : ""}.`,
      "",
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
            outcome.message,
          ]),
        ),
        "",
      );
    }
    const gaps = [
      ...coverage.uncoveredTier0Paths.map((path) => ["tier-0 file in no component", path]),
      ...coverage.missingComponents.map((component) => [
        "required component without files",
        component,
      ]),
      ...coverage.secretsOutsideComponents.map((path) => [
        "secret-looking file in no component",
        path,
      ]),
    ];
    if (gaps.length > 0)
      parts.push(
        "#### Coverage gaps",
        "",
        markdownTable(["finding", "path or component"], gaps),
        "",
      );
  }

  if (result.excluded.length > 0) {
    parts.push(
      `#### Excluded (${result.excluded.length})`,
      "",
      markdownTable(
        ["path"],
        result.excluded.slice(0, LISTED).map((path) => [path]),
      ),
      ...(result.excluded.length > LISTED
        ? ["", `... and ${result.excluded.length - LISTED} more.`]
        : []),
      "",
    );
  }
  if (result.skippedFiles.length > 0) {
    parts.push(
      `#### Skipped (${result.skippedFiles.length})`,
      "",
      markdownTable(
        ["path", "reason"],
        result.skippedFiles.slice(0, LISTED).map((file) => [file.path, file.reason]),
      ),
      "",
    );
  }
  return `${parts.join("\n")}\n`;
}
