/**
 * The decrypted plaintexts of the packs opened last (ADR 1114), by the pack's
 * ciphertext sha256, so the members of one pack cost one decryption per thread
 * rather than one each. Bounded by count and bytes; the oldest goes first.
 * Holds promises, so members opened at the same time share one decryption.
 */
export class PackPlaintextCache {
  private readonly packs = new Map<string, { plaintext: Promise<Uint8Array>; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxPacks = 8,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  has(sha256: string): boolean {
    return this.packs.has(sha256);
  }

  /** The cached plaintext of this pack, or `decrypt()`'s, kept unless it fails. */
  get(sha256: string, decrypt: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const cached = this.packs.get(sha256);
    if (cached) return cached.plaintext;
    const entry = { plaintext: decrypt(), bytes: 0 };
    this.packs.set(sha256, entry);
    entry.plaintext.then(
      (plaintext) => {
        if (this.packs.get(sha256) !== entry) return;
        entry.bytes = plaintext.byteLength;
        this.bytes += entry.bytes;
        this.evict();
      },
      () => {
        if (this.packs.get(sha256) === entry) this.packs.delete(sha256);
      },
    );
    return entry.plaintext;
  }

  private evict(): void {
    for (const [sha256, entry] of this.packs) {
      if (this.packs.size <= this.maxPacks && this.bytes <= this.maxBytes) return;
      if (this.packs.size === 1) return;
      this.packs.delete(sha256);
      this.bytes -= entry.bytes;
    }
  }
}
