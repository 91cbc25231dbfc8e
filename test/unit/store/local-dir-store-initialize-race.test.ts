import * as fsPromises from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, jest } from "@jest/globals";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * Two processes taking the first snapshot of a new store both find no
 * snapgate.json; one writes it before the other lists the directory. The
 * listing is intercepted here to put the other process's write exactly in
 * that gap, which real processes hit in about one run in seven.
 */
let beforeRootListing: (() => Promise<void>) | undefined;
let root = "";

jest.unstable_mockModule("node:fs/promises", () => ({
  ...fsPromises,
  readdir: async (...args: Parameters<typeof fsPromises.readdir>) => {
    if (args[0] === root && beforeRootListing) {
      const other = beforeRootListing;
      beforeRootListing = undefined;
      await other();
    }
    return (fsPromises.readdir as (...a: unknown[]) => Promise<unknown>)(...args);
  },
}));

const { LocalDirStore } = await import("../../../core/store/local-dir-store.js");

describe("LocalDirStore.initialize racing another writer", () => {
  const work = tempDir();

  it("accepts a store that another writer created after this one looked", async () => {
    root = join(work, "store");
    const store = new LocalDirStore(root);
    beforeRootListing = () => new LocalDirStore(root).initialize();
    await expect(store.initialize()).resolves.toBeUndefined();
    expect(beforeRootListing).toBeUndefined(); // the other writer did run in the gap
    await expect(store.assertExists()).resolves.toBeUndefined();
  });
});
