import { describe, expect, it } from "@jest/globals";
import { SeededRandom } from "../../../bench/corpus/seeded-random.js";

function draws(seed: string | number, count: number): number[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: count }, () => rng.uint32());
}

describe("SeededRandom", () => {
  it("repeats its sequence for a seed and differs between nearby seeds", () => {
    expect(draws(1, 50)).toEqual(draws(1, 50));
    expect(draws(1, 50)).not.toEqual(draws(2, 50));
    expect(draws("a", 50)).not.toEqual(draws("b", 50));
  });

  it("keeps int() within its inclusive bounds and reaches both ends", () => {
    const rng = new SeededRandom(42);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = rng.int(3, 7);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("shuffles without losing or duplicating items", () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = new SeededRandom(5).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });

  it("produces bytes of the asked length that vary", () => {
    const bytes = new SeededRandom(9).bytes(4099);
    expect(bytes).toHaveLength(4099);
    expect(new Set(bytes).size).toBeGreaterThan(200);
  });
});
