import { execFileSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { dirSize } from "../../../bench/harness/dir-size.js";

const work = mkdtempSync(join(tmpdir(), "snapgate-dirsize-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("dirSize", () => {
  it("sums file sizes, counts hard links once, skips symlink targets and matches du on disk", async () => {
    const root = join(work, "tree");
    mkdirSync(join(root, "a", "b"), { recursive: true });
    writeFileSync(join(root, "one.txt"), Buffer.alloc(1000, 1));
    writeFileSync(join(root, "a", "two.bin"), Buffer.alloc(70_000, 2));
    writeFileSync(join(root, "a", "b", "empty"), "");
    linkSync(join(root, "a", "two.bin"), join(root, "a", "b", "hard-link.bin"));
    symlinkSync(join(root, "one.txt"), join(root, "a", "link-to-one"));

    const size = await dirSize(root);
    expect(size.files).toBe(3);
    expect(size.apparentBytes).toBe(71_000);
    const du = Number(execFileSync("du", ["-s", "-B1", root], { encoding: "utf8" }).split("\t")[0]);
    expect(size.diskBytes).toBe(du);
  });

  it("fails with ENOENT for a missing directory", async () => {
    await expect(dirSize(join(work, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
