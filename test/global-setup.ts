import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** CLI runs in tests keep their stat caches in a temp directory, not in ~/.cache; workers inherit it. */
export default function globalSetup(): void {
  process.env.SNAPGATE_CACHE_DIR ??= mkdtempSync(join(tmpdir(), "snapgate-test-cache-"));
}
