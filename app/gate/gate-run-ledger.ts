/** How many (commit, environment) keys one process remembers; the oldest go first. */
const MAX_REMEMBERED = 10_000;

/**
 * What one app instance posted, and a queue per (repository, commit,
 * environment): deciding whether a check run is due and posting it run one
 * at a time per key, and each sees the delivery ids posted before it in this
 * process. Two events of one commit handled at once by this instance (a
 * release branch that is also a pull request's head, a concurrent
 * redelivery) thus post one check run, without reading GitHub again. Across
 * instances, which event posts is decided by the event (see ADR 0604), and
 * what the events cannot settle by a lock ref in the backup repository (ADR 0611).
 */
export class GateRunLedger {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly posted = new Map<string, string[]>();

  /**
   * Runs `task` alone for `key` (after earlier tasks for it), with the
   * external ids this process posted for the key; the id `task` returns is
   * remembered as posted.
   */
  async exclusive(
    key: string,
    task: (postedHere: readonly string[]) => Promise<string | null>,
  ): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      const externalId = await task(this.posted.get(key) ?? []);
      if (externalId !== null) this.remember(key, externalId);
    });
    // The queue continues whether this task failed or not; the caller sees its failure.
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      await run;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  private remember(key: string, externalId: string): void {
    const ids = this.posted.get(key) ?? [];
    this.posted.delete(key);
    this.posted.set(key, [...ids, externalId]);
    if (this.posted.size > MAX_REMEMBERED) {
      const oldest = this.posted.keys().next().value;
      if (oldest !== undefined) this.posted.delete(oldest);
    }
  }
}
