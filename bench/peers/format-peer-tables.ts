import { formatTable, type Column } from "../harness/format-table.js";
import type { PeerMeasure } from "./compare-peers.js";

/** One table per measure: each tool's figure and its ratio to restic, with the target and verdict in the title. */
export function formatPeerTables(
  measures: readonly PeerMeasure[],
  options: { markdown?: boolean; subject?: string } = {},
): string {
  const subject = options.subject ?? "snapgate";
  return measures
    .map((measure) => {
      const columns: Column[] = [
        { key: "tool", header: "tool" },
        {
          key: "value",
          header: measure.title,
          unit: measure.unit,
          digits: measure.unit === "ms" ? 0 : undefined,
        },
        { key: "ratio", header: "ratio to restic", unit: "x" },
      ];
      const title = `${measure.title}: ${subject} target <= ${measure.target}x restic, ${measure.verdict}`;
      const rows = measure.rows.map((row) => ({ ...row }));
      const table = formatTable(rows, columns, { markdown: options.markdown ?? false });
      return options.markdown ? `\n#### ${title}\n\n${table}` : `\n${title}\n${table}`;
    })
    .join("");
}
