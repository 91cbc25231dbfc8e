import { describe, expect, it } from "@jest/globals";
import { GateRunLedger } from "../../../app/gate/gate-run-ledger.js";

/** A promise to resolve by hand, so tests decide the interleaving (no timers). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("GateRunLedger", () => {
  it("runs one task per key at a time, each seeing the ids posted before it", async () => {
    const ledger = new GateRunLedger();
    const gate = deferred();
    let running = 0;
    let most = 0;
    const seen: string[][] = [];
    const task = (id: string | null) => async (postedHere: readonly string[]) => {
      running += 1;
      most = Math.max(most, running);
      seen.push([...postedHere]);
      await gate.promise;
      running -= 1;
      return id;
    };
    const all = Promise.all([
      ledger.exclusive("k", task("d1")),
      ledger.exclusive("k", task(null)),
      ledger.exclusive("k", task("d3")),
      ledger.exclusive("k", task(null)),
    ]);
    gate.resolve();
    await all;
    expect(most).toBe(1);
    expect(seen).toEqual([[], ["d1"], ["d1"], ["d1", "d3"]]);
  });

  it("runs tasks of different keys at once", async () => {
    const ledger = new GateRunLedger();
    const gate = deferred();
    let started = 0;
    const task = async () => {
      started += 1;
      await gate.promise;
      return null;
    };
    const all = Promise.all([ledger.exclusive("a", task), ledger.exclusive("b", task)]);
    // Both start before either may finish.
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toBe(2);
    gate.resolve();
    await all;
  });

  it("a failing task fails its caller only; the next task of the key still runs", async () => {
    const ledger = new GateRunLedger();
    const failing = ledger.exclusive("k", async () => {
      throw new Error("GitHub said 502");
    });
    const next = ledger.exclusive("k", async (postedHere) =>
      postedHere.length === 0 ? "d2" : null,
    );
    await expect(failing).rejects.toThrow("GitHub said 502");
    await next;
    let after: readonly string[] = [];
    await ledger.exclusive("k", async (postedHere) => {
      after = postedHere;
      return null;
    });
    expect(after).toEqual(["d2"]);
  });

  it("remembers a bounded number of keys, forgetting the oldest", async () => {
    const ledger = new GateRunLedger();
    for (let i = 0; i <= 10_000; i += 1) await ledger.exclusive(`k${i}`, async () => `d${i}`);
    const postedFor = async (key: string) => {
      let ids: readonly string[] = [];
      await ledger.exclusive(key, async (postedHere) => {
        ids = postedHere;
        return null;
      });
      return ids;
    };
    expect(await postedFor("k0")).toEqual([]);
    expect(await postedFor("k1")).toEqual(["d1"]);
    expect(await postedFor("k10000")).toEqual(["d10000"]);
  });
});
