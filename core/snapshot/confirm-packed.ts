import type { WriteView } from "../store/store.js";
import type { StoredContent } from "./stored-content.js";

/**
 * Of `ids`, those a known pack holds that the store has, sealed to
 * `recipientSet` with the recorded ciphertext: one lookup per pack, not per
 * file. A pack that is gone or differs is not reused; its files are sealed again.
 */
export async function confirmPacked(
  view: Pick<WriteView, "findBlobs">,
  known: ReadonlyMap<string, StoredContent>,
  ids: readonly string[],
  recipientSet: string,
): Promise<Map<string, StoredContent>> {
  const candidates = new Map<string, StoredContent>();
  const packs = new Set<string>();
  for (const id of ids) {
    const content = known.get(id);
    if (!content?.pack || content.ref.recipientSet !== recipientSet) continue;
    candidates.set(id, content);
    packs.add(content.ref.id);
  }
  if (candidates.size === 0) return candidates;
  const present = await view.findBlobs([...packs], recipientSet);
  for (const [id, { ref }] of candidates)
    if (present.get(ref.id)?.sha256 !== ref.sha256) candidates.delete(id);
  return candidates;
}
