import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, mkdir, readFile, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { SnapgateError } from "../errors.js";
import { DIR_MODE, tempPathFor } from "./atomic-file.js";

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  nonce: string;
}

/** What a contender saw of a held lock: its file (to move aside only that one) and its owner. */
interface HeldLock {
  ino: number;
  mtimeMs: number;
  owner: LockOwner | undefined;
}

/**
 * A lock is created whole (link(2) of a complete temp file), so an empty or
 * unreadable one is never a live holder's: it is litter (a crash of an older
 * version, a full disk, a hand edit), recovered once this old.
 */
const UNREADABLE_STALE_MS = 2_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner> | null;
    if (
      typeof owner?.pid === "number" &&
      typeof owner.host === "string" &&
      typeof owner.time === "number" &&
      typeof owner.nonce === "string"
    )
      return owner as LockOwner;
  } catch {
    // unreadable: judged by the file's age
  }
  return undefined;
}

async function readHeld(path: string): Promise<HeldLock | undefined> {
  try {
    const [info, text] = await Promise.all([stat(path), readFile(path, "utf8")]);
    return { ino: info.ino, mtimeMs: info.mtimeMs, owner: parseOwner(text) };
  } catch {
    return undefined; // released meanwhile
  }
}

/**
 * Stale: an unreadable lock older than a moment; a lock of a dead process on
 * this host; or one whose holder stopped refreshing it (elsewhere, or a pid
 * reused here) for longer than `staleMs`. A live holder refreshes its lock's
 * time every staleMs/3, so a long prune keeps it.
 */
function isStale(held: HeldLock, staleMs: number, me: LockOwner): boolean {
  const age = Date.now() - held.mtimeMs;
  if (!held.owner) return age > UNREADABLE_STALE_MS;
  if (held.owner.host === me.host && !isAlive(held.owner.pid)) return true;
  return age > staleMs;
}

/** Moves exactly the lock file judged stale aside and deletes it; a lock taken meanwhile is put back. */
async function recover(path: string, held: HeldLock, nonce: string): Promise<void> {
  const aside = `${path}.stale-${nonce}`;
  try {
    await rename(path, aside);
  } catch {
    return; // another contender moved it first
  }
  const moved = await stat(aside).catch(() => undefined);
  if (moved && (moved.ino !== held.ino || moved.mtimeMs !== held.mtimeMs)) {
    // Not the one judged: a new holder's lock. Put it back unless yet another was taken.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

function describeHolder(
  path: string,
  held: HeldLock | undefined,
  timeoutMs: number,
): SnapgateError {
  const owner = held?.owner;
  const since = owner ? ` since ${new Date(owner.time).toISOString()}` : "";
  const who = owner ? `pid ${owner.pid} on ${owner.host}${since}` : "an unknown holder";
  return new SnapgateError(
    "CONFLICT",
    `The store lock ${path} has been held for over ${timeoutMs / 1000}s by ${who}.`,
    {
      fix: owner
        ? `Another Snapgate process (pid ${owner.pid} on ${owner.host}) is writing: wait for it and run this again. If no Snapgate process runs there any more, delete ${path}.`
        : `Run this again; if it persists and no Snapgate process is writing to the store, delete ${path}.`,
      details: owner ? { pid: owner.pid, host: owner.host, since: owner.time } : {},
    },
  );
}

/**
 * Runs `fn` holding an exclusive lock file. The lock is a complete record
 * (pid, host, time) linked into place with link(2), which fails if it exists;
 * the holder refreshes its time while `fn` runs. A stale lock (isStale) is
 * moved aside and taken over; a live one is waited for up to `timeoutMs`.
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
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const record = tempPathFor(path);
  try {
    // Written in full before it can become the lock: a full disk fails here and leaves no lock.
    await writeFile(record, JSON.stringify(me), { flag: "wx", mode: 0o644 });
    const deadline = Date.now() + timeoutMs;
    let wait = 2;
    for (;;) {
      try {
        await link(record, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const held = await readHeld(path);
      if (held && isStale(held, staleMs, me)) {
        await recover(path, held, me.nonce);
        continue;
      }
      if (Date.now() > deadline) throw describeHolder(path, held, timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
      wait = Math.min(wait * 2, 100);
    }
  } finally {
    await unlink(record).catch(() => undefined);
  }
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      utimes(path, now, now).catch(() => undefined);
    },
    Math.max(10, staleMs / 3),
  );
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    // Only our own lock: if it was (wrongly) taken over, the new holder's stays.
    const held = await readHeld(path);
    if (held?.owner?.nonce === me.nonce) await unlink(path).catch(() => undefined);
  }
}
