import { spawnSync } from "node:child_process";
import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { withFileLock } from "../../../core/store/file-lock.js";
import { isSnapgateError } from "../../../core/errors.js";
import { tempDir } from "../../helpers/temp-dir.js";

const work = tempDir();
let count = 0;
const lockPath = (): string => join(work, `case${++count}`, "locks/commit.lock");
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The pid of a process that has exited (reaped, so not a zombie). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

function writeLock(path: string, owner: { pid: number; host: string; time: number }): void {
  writeFileSync(path, JSON.stringify({ ...owner, nonce: "0123456789abcdef" }));
}

/** Sets a file's modification time `ms` into the past (a holder refreshes it while it works). */
function age(path: string, ms: number): void {
  const then = new Date(Date.now() - ms);
  utimesSync(path, then, then);
}

describe("withFileLock", () => {
  it("creates the lock's directory, holds the lock while fn runs, releases it and returns fn's value", async () => {
    const path = lockPath();
    const result = await withFileLock(path, async () => {
      const owner = JSON.parse(readFileSync(path, "utf8")) as { pid: number; host: string };
      expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
      return 42;
    });
    expect(result).toBe(42);
    expect(existsSync(path)).toBe(false);
  });

  it("serialises two contenders: the second starts only after the first has finished", async () => {
    const path = lockPath();
    const events: string[] = [];
    const holder = (name: string) => async () => {
      events.push(`${name} in`);
      for (let i = 0; i < 5; i++) await tick();
      events.push(`${name} out`);
    };
    await Promise.all([withFileLock(path, holder("a")), withFileLock(path, holder("b"))]);
    expect(events).toHaveLength(4);
    expect(events[1]).toBe(events[0]?.replace("in", "out"));
    expect(events[3]).toBe(events[2]?.replace("in", "out"));
  });

  it("releases the lock when fn throws, and passes the error on", async () => {
    const path = lockPath();
    await expect(
      withFileLock(path, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(existsSync(path)).toBe(false);
    await expect(withFileLock(path, async () => "again")).resolves.toBe("again");
  });

  it("takes over a lock left by a dead process on this host, however recent", async () => {
    const path = lockPath();
    await withFileLock(path, async () => undefined); // creates the directory
    writeLock(path, { pid: deadPid(), host: hostname(), time: Date.now() });
    const ran = await withFileLock(path, async () => "ran", { timeoutMs: 5_000 });
    expect(ran).toBe("ran");
    // Nothing is left over: neither the lock nor the stale copy moved aside.
    expect(readdirSync(join(path, ".."))).toEqual([]);
  });

  it("takes over a lock not refreshed for longer than staleMs, even of a live process elsewhere", async () => {
    const path = lockPath();
    await withFileLock(path, async () => undefined);
    writeLock(path, { pid: 1, host: "another-host.invalid", time: Date.now() - 60_000 });
    age(path, 60_000);
    await expect(
      withFileLock(path, async () => "ran", { timeoutMs: 5_000, staleMs: 30_000 }),
    ).resolves.toBe("ran");
    expect(readdirSync(join(path, ".."))).toEqual([]);
  });

  it("waits for a live, recent holder and then gives a CONFLICT naming it, leaving its lock alone", async () => {
    const path = lockPath();
    await withFileLock(path, async () => undefined);
    // This process is alive; a lock from another host cannot be checked by pid at all.
    for (const owner of [
      { pid: process.pid, host: hostname(), time: Date.now() },
      { pid: 4242, host: "another-host.invalid", time: Date.now() },
    ]) {
      writeLock(path, owner);
      let ran = false;
      const error = await withFileLock(
        path,
        async () => {
          ran = true;
        },
        { timeoutMs: 30 },
      ).catch((caught: unknown) => caught);
      expect(ran).toBe(false);
      expect(isSnapgateError(error, "CONFLICT")).toBe(true);
      expect((error as Error).message).toContain(`The store lock ${path} has been held`);
      expect((error as Error).message).toContain(`pid ${owner.pid} on ${owner.host}`);
      expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject(owner);
    }
  });
  it("recovers an empty or garbage lock once it is a moment old, and waits for a fresh one", async () => {
    for (const content of ["", "garbage", "null", '{"pid":"x"}']) {
      const path = lockPath();
      await withFileLock(path, async () => undefined);
      writeFileSync(path, content);
      // A fresh unreadable file could be an older version's lock being written: wait.
      const waited = await withFileLock(path, async () => "ran", { timeoutMs: 30 }).catch(
        (error: unknown) => error,
      );
      expect(isSnapgateError(waited, "CONFLICT")).toBe(true);
      expect((waited as Error).message).toContain("an unknown holder");
      expect((waited as Error).message).toContain(`delete ${path}`);
      age(path, 10_000);
      await expect(withFileLock(path, async () => "ran", { timeoutMs: 5_000 })).resolves.toBe(
        "ran",
      );
      expect(readdirSync(join(path, ".."))).toEqual([]);
    }
  });

  it("keeps its lock fresh while fn runs, so a long holder is not taken for stale", async () => {
    const path = lockPath();
    let refreshed = 0;
    await withFileLock(
      path,
      async () => {
        // As if it had held the lock long past staleMs: the holder's refresh brings it back.
        age(path, 10_000);
        const stale = () => Date.now() - statSync(path).mtimeMs > 5_000;
        for (let waits = 0; waits < 2_000 && stale(); waits++)
          await new Promise((resolve) => setTimeout(resolve, 5));
        refreshed = stale() ? 0 : 1;
        const contender = await withFileLock(path, async () => "ran", {
          timeoutMs: 30,
          staleMs: 5_000,
        }).catch((error: unknown) => error);
        expect(isSnapgateError(contender, "CONFLICT")).toBe(true);
      },
      { staleMs: 60 },
    );
    expect(refreshed).toBe(1);
  });
});
