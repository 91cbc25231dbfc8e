import { describe, expect, it } from "@jest/globals";
import { mapWithConcurrency } from "../../core/map-with-concurrency.js";

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("mapWithConcurrency", () => {
  it("keeps the input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const items = [5, 1, 4, 2, 3, 0, 6];
    const results = await mapWithConcurrency(items, 3, async (item, index) => {
      running++;
      peak = Math.max(peak, running);
      for (let i = 0; i < item; i++) await tick(); // finish out of order
      running--;
      return `${index}:${item}`;
    });
    expect(results).toEqual(items.map((item, index) => `${index}:${item}`));
    expect(peak).toBe(3);
  });

  it("handles an empty list and a limit below one", async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
    expect(await mapWithConcurrency([1, 2], 0, async (n) => n * 2)).toEqual([2, 4]);
  });

  it("rejects with the first failure", async () => {
    await expect(
      mapWithConcurrency([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error("item 2 failed");
        return n;
      }),
    ).rejects.toThrow("item 2 failed");
  });
});
