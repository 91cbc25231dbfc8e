import { chmodSync, chownSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { checkLocalStore } from "../../../core/store/check-local-store.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let count = 0;

/** A store-shaped tree whose folders and files are all 0755 / 0644. */
function tidyStore(): string {
  const root = join(work, `store${++count}`);
  for (const dir of ["manifests/prod", "blobs/ab", "catalog/prod"])
    mkdirSync(join(root, dir), { recursive: true, mode: 0o755 });
  writeFileSync(join(root, "snapgate.json"), "{}", { mode: 0o644 });
  writeFileSync(join(root, "manifests/prod/0000000001.json"), "{}", { mode: 0o444 });
  chmodSync(root, 0o755);
  return root;
}

const uid = process.getuid?.();

describe("checkLocalStore", () => {
  it("is content with a store that only its owner can write", async () => {
    const findings = await checkLocalStore(tidyStore(), uid);
    expect(findings.map((f) => [f.check, f.ok])).toEqual([
      ["only the owner can write the store", true],
      ["the store is owned by you", true],
    ]);
  });

  it("finds a group- or other-writable folder or file anywhere, not only at the top", async () => {
    const root = tidyStore();
    chmodSync(join(root, "manifests"), 0o777);
    chmodSync(join(root, "manifests/prod/0000000001.json"), 0o664);
    const [writable] = await checkLocalStore(root, uid);
    expect(writable).toMatchObject({
      ok: false,
      detail:
        "2 of 9 folders and files are writable by group or others: manifests (777), manifests/prod/0000000001.json (664)",
      fix: `chmod -R go-w ${root}`,
    });
  });

  it("warns about folders and files another user owns", async () => {
    const root = tidyStore();
    const findings = await checkLocalStore(root, (uid ?? 0) + 4242);
    expect(findings[1]).toMatchObject({ ok: false, warning: true });
    expect(findings[1]?.detail).toContain(
      "9 of 9 folders and files belong to another user: . (uid",
    );
    if (uid === 0) {
      chownSync(join(root, "blobs/ab"), 4242, 4242);
      expect((await checkLocalStore(root, uid))[1]?.detail).toBe(
        "1 of 9 folders and files belong to another user: blobs/ab (uid 4242)",
      );
    }
  });

  it("refuses a path that is not a folder", async () => {
    await expect(checkLocalStore(join(work, "absent"), uid)).rejects.toMatchObject({
      code: "STORE_MISSING",
    });
  });
});
