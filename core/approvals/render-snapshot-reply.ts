import { formatBytes } from "../format-bytes.js";
import type { Manifest } from "../types.js";
import { boundedLines } from "./bounded-lines.js";
import { markdownCode } from "./markdown-code.js";

/**
 * The Markdown of a `show` reply: the snapshot's metadata and its files'
 * paths, sizes, components and tiers, from the signed manifest (nothing is
 * decrypted). Every value from the store is a code span; the file list is
 * bounded, with a note when it is cut.
 */
export function renderSnapshotReply(id: string, manifest: Manifest): string {
  const m = manifest.metadata;
  const metadata = Object.entries({
    application: m.application,
    version: m.appVersion,
    commit: m.commit,
    ref: m.ref,
    deployer: m.deployer,
    change: m.changeId,
    run: m.runUrl,
    tags: m.tags.length > 0 ? m.tags.join(", ") : undefined,
  }).flatMap(([key, value]) => (value ? [`- **${key}:** ${markdownCode(String(value))}`] : []));
  const bytes = manifest.files.reduce(
    (sum, file) => sum + (file.type === "file" ? file.size : 0),
    0,
  );
  const files = boundedLines(
    manifest.files.map((file) => {
      const where = [
        file.component ? `component ${markdownCode(file.component)}` : null,
        file.tier ? `tier ${markdownCode(file.tier)}` : null,
      ]
        .filter((part) => part !== null)
        .join(", ");
      const what =
        file.type === "file" ? formatBytes(file.size) : `link to ${markdownCode(file.target)}`;
      return `- ${markdownCode(file.path)} (${what}${where ? `, ${where}` : ""})`;
    }),
  );
  return [
    `**Snapshot ${markdownCode(`${manifest.stream}@${manifest.seq}`)}** \`${id.slice(0, 12)}\`: ${manifest.phase}, taken ${markdownCode(manifest.time)} (written ${markdownCode(manifest.writtenAt)})`,
    "",
    ...metadata,
    `- **files:** ${manifest.files.length} (${formatBytes(bytes)}); contents are encrypted and not shown`,
    "",
    ...files.shown,
    ...(files.note ? ["", files.note] : []),
  ].join("\n");
}
