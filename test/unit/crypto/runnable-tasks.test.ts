import * as fs from "node:fs";
import { describe, expect, it, jest } from "@jest/globals";

/** What /proc/loadavg reads as; an Error is thrown instead (no such file). */
let loadavgText: string | Error | null = null;
jest.unstable_mockModule("node:fs", () => ({
  ...fs,
  readFileSync: (...args: Parameters<typeof fs.readFileSync>) => {
    if (args[0] !== "/proc/loadavg" || loadavgText === null) return fs.readFileSync(...args);
    if (loadavgText instanceof Error) throw loadavgText;
    return loadavgText;
  },
}));
const { runnableTasks } = await import("../../../core/crypto/runnable-tasks.js");

describe("runnableTasks", () => {
  it("reads the running count of /proc/loadavg's fourth field", () => {
    loadavgText = "2.41 1.97 1.52 3/141 28713\n";
    expect(runnableTasks()).toBe(3);
    loadavgText = "0.00 0.01 0.05 1/89 4242\n";
    expect(runnableTasks()).toBe(1);
  });

  it("is undefined where the file is missing or does not parse", () => {
    for (const text of [
      Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" }),
      "",
      "2.41 1.97 1.52\n",
      "2.41 1.97 1.52 x/141 28713\n",
    ]) {
      loadavgText = text;
      expect(runnableTasks()).toBeUndefined();
    }
  });

  it("on this Linux machine, counts at least this test's own thread", () => {
    loadavgText = null;
    if (!fs.existsSync("/proc/loadavg")) return;
    expect(runnableTasks()).toBeGreaterThanOrEqual(1);
  });
});
