import type { GitRepository } from "./git-repository.js";
import { looseObject, type GitObjectType } from "./loose-object.js";

/**
 * Objects of one request, named (SHA-1) as they are added and written
 * together by `flush`: a large batch goes into the repository as one
 * packfile, a small one as loose objects. Nothing may point at them (a ref
 * move) before the flush.
 */
export class ObjectBatch {
  private readonly pending = new Map<string, { type: GitObjectType; content: Buffer }>();

  constructor(private readonly repository: GitRepository) {}

  add(type: GitObjectType, content: Buffer): string {
    const { oid } = looseObject(type, content);
    if (!this.pending.has(oid)) this.pending.set(oid, { type, content });
    return oid;
  }

  async flush(): Promise<void> {
    const objects = [...this.pending.values()];
    this.pending.clear();
    await this.repository.writeAll(objects);
  }
}
