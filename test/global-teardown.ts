import { rmSync } from "node:fs";
import { tmpdir } from "node:os";

export default function globalTeardown(): void {
  const dir = process.env.SNAPGATE_CACHE_DIR;
  if (dir?.startsWith(tmpdir()) && dir.includes("snapgate-test-cache-"))
    rmSync(dir, { recursive: true, force: true });
}
