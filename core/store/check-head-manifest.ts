import { SnapgateError } from "../errors.js";
import { manifestPath } from "./store.js";

/**
 * Checks that the newest manifest of a stream, which the next snapshot links
 * to, is JSON naming that stream and seq: a snapshot must not chain onto
 * something that is not its manifest. `where` names the store in messages.
 */
export function checkHeadManifest(
  stream: string,
  seq: number,
  manifest: Uint8Array,
  where: string,
): void {
  let named: string | undefined;
  try {
    // JSON null throws here too: it is no manifest.
    const parsed = JSON.parse(Buffer.from(manifest).toString("utf8")) as {
      stream?: unknown;
      seq?: unknown;
    };
    named = `${String(parsed.stream)}@${String(parsed.seq)}`;
  } catch {
    named = undefined;
  }
  if (named !== `${stream}@${seq}`) {
    throw new SnapgateError(
      "INTEGRITY",
      `${manifestPath(stream, seq)}, the newest manifest of ${stream} in ${where}, ${named === undefined ? "is not JSON" : `says it is ${named}`}: a snapshot cannot chain onto it.`,
      {
        fix: `Restore that file from a copy of the store and run \`snapgate verify --all --env ${stream}\`; nothing was written.`,
      },
    );
  }
}
