import { escapeHtml } from "./escape-html.js";

export interface ChartSeries {
  label: string;
  /** null = no value (a gap). */
  values: Array<number | null>;
}

const WIDTH = 600;
const HEIGHT = 160;
const PAD = 30;
/** Distinct dash patterns as well as colours: a series is never told apart by colour alone. */
const STYLES = [
  { colour: "#1f5fa8", dash: "" },
  { colour: "#b35900", dash: "6 3" },
  { colour: "#2e7d32", dash: "2 3" },
  { colour: "#6a1b9a", dash: "10 3 2 3" },
];

/**
 * An inline SVG chart, no script and no network: lines (one per series, each
 * with its own dash pattern and a text legend) or bars. role="img" with a
 * title and description; the numbers are also in a table next to it.
 */
export function svgChart(options: {
  kind: "line" | "bar";
  title: string;
  description: string;
  labels: string[];
  series: ChartSeries[];
  /** Formats an axis value. */
  format: (value: number) => string;
}): string {
  const values = options.series.flatMap((series) =>
    series.values.filter((value): value is number => value !== null),
  );
  const max = Math.max(1, ...values);
  const count = Math.max(1, options.labels.length);
  const x = (index: number) => PAD + ((WIDTH - 2 * PAD) * (index + 0.5)) / count;
  const y = (value: number) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * value) / max;
  const id = `chart-${Math.abs(hash(options.title))}`;
  const parts: string[] = [
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${WIDTH} ${HEIGHT + 20 * options.series.length}" width="100%" style="max-width:${WIDTH}px">`,
    `<title id="${id}-t">${escapeHtml(options.title)}</title>`,
    `<desc id="${id}-d">${escapeHtml(options.description)}</desc>`,
    `<line x1="${PAD}" y1="${HEIGHT - PAD}" x2="${WIDTH - PAD}" y2="${HEIGHT - PAD}" stroke="#555"/>`,
    `<line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${HEIGHT - PAD}" stroke="#555"/>`,
    `<text x="2" y="${PAD}" font-size="10">${escapeHtml(options.format(max))}</text>`,
    `<text x="2" y="${HEIGHT - PAD}" font-size="10">0</text>`,
  ];
  if (options.labels.length > 0) {
    parts.push(
      `<text x="${PAD}" y="${HEIGHT - 10}" font-size="10">${escapeHtml(options.labels[0] ?? "")}</text>`,
      `<text x="${WIDTH - PAD}" y="${HEIGHT - 10}" font-size="10" text-anchor="end">${escapeHtml(options.labels.at(-1) ?? "")}</text>`,
    );
  }
  options.series.forEach((series, s) => {
    const style = STYLES[s % STYLES.length] as (typeof STYLES)[number];
    if (options.kind === "line") {
      let path = "";
      let pen = false;
      series.values.forEach((value, index) => {
        if (value === null) {
          pen = false;
          return;
        }
        path += `${pen ? "L" : "M"}${x(index).toFixed(1)} ${y(value).toFixed(1)} `;
        pen = true;
      });
      parts.push(
        `<path d="${path.trim()}" fill="none" stroke="${style.colour}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}/>`,
      );
    } else {
      const band = (WIDTH - 2 * PAD) / count / Math.max(1, options.series.length);
      series.values.forEach((value, index) => {
        if (value === null) return;
        const left = x(index) - (WIDTH - 2 * PAD) / count / 2 + band * s;
        parts.push(
          `<rect x="${left.toFixed(1)}" y="${y(value).toFixed(1)}" width="${Math.max(1, band - 2).toFixed(1)}" height="${(HEIGHT - PAD - y(value)).toFixed(1)}" fill="${style.colour}"${s % 2 ? ' fill-opacity="0.6" stroke="#000"' : ""}><title>${escapeHtml(`${series.label} ${options.labels[index] ?? ""}: ${options.format(value)}`)}</title></rect>`,
        );
      });
    }
    const legendY = HEIGHT + 14 + 20 * s;
    parts.push(
      `<line x1="${PAD}" y1="${legendY - 4}" x2="${PAD + 30}" y2="${legendY - 4}" stroke="${style.colour}" stroke-width="3"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}/>`,
      `<text x="${PAD + 36}" y="${legendY}" font-size="11">${escapeHtml(series.label)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) | 0;
  return h;
}
