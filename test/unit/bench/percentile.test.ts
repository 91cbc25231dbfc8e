import { describe, expect, it } from "@jest/globals";
import { percentile } from "../../../bench/harness/percentile.js";

describe("percentile", () => {
  it("takes the nearest rank, whatever the input order", () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });

  it("refuses an empty list", () => {
    expect(() => percentile([], 50)).toThrow("percentile of no values");
  });
});
