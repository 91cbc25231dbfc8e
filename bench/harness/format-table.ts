/** One table row: values in base units (bytes, milliseconds); undefined prints as "-". */
export type Row = Record<string, string | number | undefined>;

/**
 * How a column's numbers are shown. Values are stored in base units and
 * converted here: ms -> "ms", bytes -> "MB" (SI: 1 MB = 1,000,000 bytes) or
 * "KB" (1,000 bytes), a ratio -> "x", a plain number -> "count".
 */
export type ColumnUnit = "ms" | "MB" | "KB" | "x" | "count" | "text";

export interface Column {
  key: string;
  header: string;
  unit?: ColumnUnit;
  /** Digits after the decimal point; defaults per unit (ms 1, MB 2, KB 1, x 2, count 0). */
  digits?: number;
}

export interface TableOptions {
  /** GitHub-flavoured Markdown instead of aligned plain text. */
  markdown?: boolean;
}

const DEFAULT_DIGITS: Record<ColumnUnit, number> = { ms: 1, MB: 2, KB: 1, x: 2, count: 0, text: 0 };
const DIVISOR: Record<ColumnUnit, number> = { ms: 1, MB: 1e6, KB: 1e3, x: 1, count: 1, text: 1 };

/** Renders rows as an aligned plain-text table (numbers right-aligned) or as Markdown. */
export function formatTable(
  rows: readonly Row[],
  columns: readonly Column[],
  options: TableOptions = {},
): string {
  const headers = columns.map(({ header, unit }) =>
    unit && unit !== "count" && unit !== "text" ? `${header} (${unit})` : header,
  );
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column.key], column)));
  const numeric = columns.map((column) => (column.unit ?? "text") !== "text");

  if (options.markdown) {
    const escape = (text: string) => text.replace(/\|/g, "\\|");
    const line = (values: string[]) => `| ${values.map(escape).join(" | ")} |`;
    const rule = `| ${numeric.map((right) => (right ? "---:" : "---")).join(" | ")} |`;
    return [line(headers), rule, ...cells.map(line)].join("\n") + "\n";
  }

  const widths = headers.map((header, index) =>
    Math.max(header.length, ...cells.map((row) => (row[index] as string).length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, index) => {
        const width = widths[index] as number;
        return numeric[index] ? value.padStart(width) : value.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(headers), rule, ...cells.map(line)].join("\n") + "\n";
}

function formatCell(value: string | number | undefined, column: Column): string {
  if (value === undefined) return "-";
  if (typeof value === "string") return value;
  const unit = column.unit ?? "text";
  if (unit === "text") return String(value);
  const digits = column.digits ?? DEFAULT_DIGITS[unit];
  return (value / DIVISOR[unit]).toFixed(digits);
}
