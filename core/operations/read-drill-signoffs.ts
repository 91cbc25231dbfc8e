import type { Sodium } from "../crypto/sodium.js";
import type { Store } from "../store/store.js";
import { drillSignoffPath, SIGNOFF_ROLES, type SignoffRole } from "./drill-signoff-path.js";
import { openDrillSignoff, type DrillSignoffRead } from "./drill-signoff-record.js";

/** Each role's sign-off of a drill: null when there is none. */
export type DrillSignoffs = Record<SignoffRole, DrillSignoffRead | null>;

/**
 * Reads the sign-offs of one drill. With `listed` (paths from a listing of
 * drills/<env>/, sign-offs included) only the files present are read, so a
 * drill nobody signed off costs no read; without it both are read.
 */
export async function readDrillSignoffs(
  store: Store,
  sodium: Sodium,
  drill: string,
  appKeys: readonly string[],
  listed?: ReadonlySet<string>,
): Promise<DrillSignoffs> {
  const reads = await Promise.all(
    SIGNOFF_ROLES.map(async (role): Promise<DrillSignoffRead | null> => {
      const path = drillSignoffPath(drill, role);
      if (listed && !listed.has(path)) return null;
      const bytes = await store.readRecord(path);
      return bytes ? openDrillSignoff(sodium, bytes, { drill, role }, appKeys) : null;
    }),
  );
  return { ops: reads[0] ?? null, security: reads[1] ?? null };
}
