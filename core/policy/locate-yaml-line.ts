import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter } from "yaml";
import type { JsonPath } from "./json-path.js";

/**
 * The 1-based line of a JSON path in a parsed YAML document: the line of the
 * deepest key or item that exists on the way (so a missing key points at its
 * parent). Null when not even the first segment is in the document.
 */
export function locateYamlLine(
  document: Document,
  lineCounter: LineCounter,
  path: JsonPath,
): number | null {
  let node: unknown = document.contents;
  let offset: number | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  if (offset === null) return null;
  return lineCounter.linePos(offset).line;
}
