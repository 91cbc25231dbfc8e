import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { SnapgateError } from "../errors.js";

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  nonce: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * Runs `fn` holding an exclusive lock file (O_EXCL create). The local store
 * holds it only for the few milliseconds of a commit. A lock left by a crashed
 * process (dead pid on this host, or older than `staleMs`) is taken over.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: { timeoutMs?: number; staleMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 30_000;
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    time: Date.now(),
    nonce: randomBytes(8).toString("hex"),
  };
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let wait = 2;
  for (;;) {
    try {
      const handle = await open(path, "wx", 0o644);
      await handle.writeFile(JSON.stringify({ ...me, time: Date.now() }));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await readOwner(path);
    const stale =
      owner !== undefined &&
      ((owner.host === me.host && !isAlive(owner.pid)) || Date.now() - owner.time > staleMs);
    if (stale) {
      // Move the stale lock aside atomically; only one contender's rename succeeds.
      const aside = `${path}.stale-${me.nonce}`;
      try {
        await rename(path, aside);
        const moved = await readOwner(aside);
        if (moved?.nonce !== owner.nonce) await rename(aside, path).catch(() => undefined);
        else await unlink(aside).catch(() => undefined);
      } catch {
        // another contender moved it first
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new SnapgateError(
        "CONFLICT",
        `The store lock ${path} has been held for over ${timeoutMs / 1000}s.`,
        {
          fix: `Another Snapgate process (pid ${owner?.pid ?? "?"} on ${owner?.host ?? "?"}) is writing; wait, or delete the lock file if that process is gone.`,
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await fn();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
