import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { SnapgateError } from "../../core/errors.js";
import type { GitObjectType } from "./loose-object.js";

export interface GitObject {
  oid: string;
  type: GitObjectType;
  content: Buffer;
}

interface PendingRead {
  resolve: (object: GitObject | null) => void;
  reject: (error: Error) => void;
}

/**
 * Reads objects through one long-lived `git cat-file --batch`, so loose and
 * packed objects are both found the way git finds them, without a process
 * per object. Requests are answered in order.
 */
export class BatchObjectReader {
  private process: ChildProcessWithoutNullStreams | null = null;
  private buffer = Buffer.alloc(0);
  private readonly pending: PendingRead[] = [];

  constructor(private readonly gitDir: string) {}

  /** An object by id or by a revision expression (`main:path/to/file`); null if there is none. */
  read(revision: string): Promise<GitObject | null> {
    if (/[\n\r\0]/.test(revision) || revision.length === 0) return Promise.resolve(null);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      child.stdin.write(`${revision}\n`);
    });
  }

  close(): void {
    this.process?.stdin.end();
    this.process = null;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.process) return this.process;
    const child = spawn("git", ["--git-dir", this.gitDir, "cat-file", "--batch"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      if (this.process === child) this.process = null;
      const failure = new SnapgateError("IO", `git cat-file exited with ${code}: ${stderr}`, {
        fix: "Check that the sandbox repository still exists and git is installed.",
      });
      for (const request of this.pending.splice(0)) request.reject(failure);
    });
    this.process = child;
    return child;
  }

  private drain(): void {
    for (;;) {
      const newline = this.buffer.indexOf(0x0a);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      const missing = / (missing|ambiguous)$/.test(header);
      if (missing) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift()?.resolve(null);
        continue;
      }
      const [oid, type, size] = header.split(" ");
      const length = Number(size);
      if (this.buffer.length < newline + 1 + length + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + length));
      this.buffer = this.buffer.subarray(newline + 1 + length + 1);
      this.pending.shift()?.resolve({ oid: oid!, type: type as GitObjectType, content });
    }
  }
}
