import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { hashTree } from "../../../bench/harness/hash-tree.js";

const work = mkdtempSync(join(tmpdir(), "snapgate-hashtree-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("hashTree", () => {
  it("is equal for copies and changes with content, mode, name and new files", async () => {
    const base = join(work, "base");
    mkdirSync(join(base, "dir"), { recursive: true });
    writeFileSync(join(base, "dir", "a.yaml"), "a: 1\n");
    writeFileSync(join(base, "b.env"), "B=2\n");
    chmodSync(join(base, "b.env"), 0o644);
    const hash = await hashTree(base);

    const variants: Array<[string, (dir: string) => void]> = [
      ["same", () => undefined],
      ["content", (dir) => writeFileSync(join(dir, "b.env"), "B=3\n")],
      ["mode", (dir) => chmodSync(join(dir, "b.env"), 0o600)],
      ["name", (dir) => renameSync(join(dir, "dir", "a.yaml"), join(dir, "dir", "A.yaml"))],
      ["new file", (dir) => writeFileSync(join(dir, "c"), "")],
    ];
    const results: Record<string, boolean> = {};
    for (const [name, change] of variants) {
      const dir = join(work, name.replace(" ", "-"));
      cpSync(base, dir, { recursive: true });
      change(dir);
      results[name] = (await hashTree(dir)) === hash;
    }
    expect(results).toEqual({
      same: true,
      content: false,
      mode: false,
      name: false,
      "new file": false,
    });
  });
});
