/** What a person may type to name a snapshot, before any store is read. */
export type SnapshotReference =
  /** `latest`: the newest snapshot of an environment given elsewhere (--env). */
  | { kind: "latest" }
  /** `<env>@latest` or `<env>@<seq>` (seq null for latest). */
  | { kind: "stream"; stream: string; seq: number | null }
  /** A snapshot id or a prefix of 6+ hex characters. */
  | { kind: "id"; prefix: string };

const AT = /^([a-z0-9][a-z0-9._-]{0,62})@(latest|\d+)$/;
const ID = /^[0-9a-f]{6,64}$/;

/**
 * The syntax of a snapshot reference, shared by the CLI (resolveSnapshot) and
 * the app's comment commands, so both accept exactly the same words. Returns
 * null for anything else.
 */
export function parseSnapshotReference(spec: string): SnapshotReference | null {
  if (spec === "latest") return { kind: "latest" };
  const at = AT.exec(spec);
  if (at) {
    const stream = at[1] as string;
    return { kind: "stream", stream, seq: at[2] === "latest" ? null : Number(at[2]) };
  }
  if (ID.test(spec)) return { kind: "id", prefix: spec };
  return null;
}
