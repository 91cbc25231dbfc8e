import { bech32 } from "@scure/base";

/**
 * The 32 bytes of a bech32 key with the given prefix (a verify key such as
 * sgw1..., or a secret key such as SNAPGATE-WRITER-KEY-1...), or undefined.
 * A secret key may come from a key file: its first line that is neither empty
 * nor a comment counts. Never throws, so callers word the error without
 * echoing the text.
 */
export function decodeBech32Key(
  text: string,
  prefix: string,
  from: "value" | "key-file" = "value",
): Uint8Array | undefined {
  const candidate =
    from === "key-file"
      ? text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .find((line) => line !== "" && !line.startsWith("#"))
      : text.trim();
  if (!candidate) return undefined;
  try {
    const decoded = bech32.decodeToBytes(candidate as `${string}1${string}`);
    return decoded.prefix.toLowerCase() === prefix.toLowerCase() && decoded.bytes.length === 32
      ? decoded.bytes
      : undefined;
  } catch {
    return undefined;
  }
}
