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
  const candidates = ids.flatMap((id) => {
    const content = known.get(id);
    return content?.pack && content.ref.recipientSet === recipientSet
      ? [[id, content] as const]
      : [];
  });
  if (candidates.length === 0) return new Map();
  const packs = [...new Set(candidates.map(([, content]) => content.ref.id))];
  const present = await view.findBlobs(packs, recipientSet);
  return new Map(
    candidates.filter(([, content]) => present.get(content.ref.id)?.sha256 === content.ref.sha256),
  );
}
