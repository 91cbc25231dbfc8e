import { describe, expect, it } from "@jest/globals";
import { formatTable, type Column } from "../../../bench/harness/format-table.js";

const columns: Column[] = [
  { key: "step", header: "step" },
  { key: "wallMs", header: "wall", unit: "ms" },
  { key: "rss", header: "peak RSS", unit: "MB" },
  { key: "files", header: "files", unit: "count" },
];
const rows = [
  { step: "first snapshot", wallMs: 1234.56, rss: 187_654_321, files: 2000 },
  { step: "no-change", wallMs: 80, rss: undefined, files: 0 },
];

describe("formatTable", () => {
  it("aligns text left and numbers right, converts units and names them in the header", () => {
    expect(formatTable(rows, columns)).toBe(
      [
        "step            wall (ms)  peak RSS (MB)  files",
        "--------------  ---------  -------------  -----",
        "first snapshot     1234.6         187.65   2000",
        "no-change            80.0              -      0",
        "",
      ].join("\n"),
    );
  });

  it("writes Markdown with right-aligned number columns", () => {
    expect(formatTable(rows, columns, { markdown: true })).toBe(
      [
        "| step | wall (ms) | peak RSS (MB) | files |",
        "| --- | ---: | ---: | ---: |",
        "| first snapshot | 1234.6 | 187.65 | 2000 |",
        "| no-change | 80.0 | - | 0 |",
        "",
      ].join("\n"),
    );
  });

  it("honours digits and escapes pipes in Markdown cells", () => {
    const table = formatTable(
      [{ name: "a|b", size: 1_500, ratio: 4.2 }],
      [
        { key: "name", header: "name" },
        { key: "size", header: "size", unit: "KB", digits: 0 },
        { key: "ratio", header: "ratio", unit: "x" },
      ],
      { markdown: true },
    );
    expect(table.split("\n")[2]).toBe("| a\\|b | 2 | 4.20 |");
  });
});
