import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { parseIdentities } from "../../../core/crypto/age-keys.js";
import { spawnCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/**
 * The bundles leave age-encryption's post-quantum, P-256 and noble X25519 code
 * out (scripts/build.js). These run the bundled CLI and the bundled age chunk
 * against the real age CLI, so a stand-in the library does reach would show.
 */
describe("bundled crypto (dist/) with the age CLI", () => {
  const work = tempDir();
  const cli = (...args: string[]) => spawnCli(args, { cwd: work });
  const env = "DATABASE_PASSWORD=hunter2\n".repeat(20);
  let recipient = "";
  let verifyKey = "";

  beforeAll(async () => {
    recipient = (await cli("keygen", "--out", "id.txt")).stdout.trim();
    verifyKey = (await cli("keygen", "--writer", "--out", "writer.key")).stdout.trim();
    mkdirSync(join(work, "config"), { recursive: true });
    writeFileSync(join(work, "config/.env"), env);
    writeFileSync(join(work, "config/app.yaml"), "replicas: 3\n".repeat(40));
  });

  it("a blob written by the bundled CLI decrypts with `age -d`, and the bundled restore reads it back", async () => {
    const store = ["--store", "store", "--env", "prod"];
    const snapshot = await cli(
      "snapshot",
      ...store,
      "--phase",
      "manual",
      "--recipient",
      recipient,
      "--writer-key",
      "writer.key",
      "config",
    );
    expect(snapshot.stderr).toBe("");
    expect(snapshot.code).toBe(0);
    const shown = (await cli("show", "latest", ...store, "--json")).json() as {
      files: Array<{ path: string; blob: string; encoding: string }>;
    };
    const entry = shown.files.find((file) => file.path === "config/.env");
    expect(entry?.encoding).toBe("none");
    const dir = join(work, "store/blobs", entry?.blob.slice(0, 2) ?? "");
    const name = readdirSync(dir).find((file) => file.startsWith(entry?.blob ?? "-"));
    const plain = execFileSync("age", ["-d", "-i", join(work, "id.txt"), join(dir, name ?? "")]);
    expect(plain.toString()).toBe(env);

    const restored = await cli(
      "restore",
      "latest",
      ...store,
      "--identity",
      "id.txt",
      "--to",
      "out",
      "--verify-key",
      verifyKey,
    );
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(readFileSync(join(work, "out/config/.env"), "utf8")).toBe(env);
  });

  it("the bundled crypto worker opens an `age -r` file; the library's own key types are left out, by name", async () => {
    writeFileSync(join(work, "plain.txt"), "from the age CLI\n");
    execFileSync("age", ["-r", recipient, "-o", join(work, "cli.age"), join(work, "plain.txt")]);
    const identities = parseIdentities(readFileSync(join(work, "id.txt"), "utf8"), "id.txt");
    const worker = new Worker(join(process.cwd(), "dist/workers/crypto-worker.js"), {
      workerData: { identities },
    });
    try {
      const replies: Array<Record<string, unknown>> = [];
      const next = () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
        });
      replies.push(await next()); // ready
      const reply = next();
      worker.postMessage({
        kind: "open",
        id: 1,
        ciphertext: readFileSync(join(work, "cli.age")),
        encoding: "none",
        context: { describe: "cli.age" },
        writeBeside: join(work, "opened.txt"),
        mode: 0o600,
        size: 17,
      });
      replies.push(await reply);
      expect(replies[0]).toEqual({ ready: true });
      // A restore's replies come in batches (ADR 1113): this one alone.
      const [opened, ...more] = replies[1]?.batch as Array<Record<string, unknown>>;
      expect(more).toEqual([]);
      expect(opened).toMatchObject({ id: 1, size: 17 });
      expect(readFileSync(opened?.tempPath as string, "utf8")).toBe("from the age CLI\n");
    } finally {
      await worker.terminate();
    }

    const chunks = join(process.cwd(), "dist/chunks");
    const file = readdirSync(chunks).find((name) =>
      readFileSync(join(chunks, name), "utf8").includes("is left out of Snapgate's bundle"),
    );
    const age = (await import(pathToFileURL(join(chunks, file ?? "")).href)) as {
      generateHybridIdentity(): Promise<string>;
      identityToRecipient(identity: string): Promise<string>;
    };
    const postQuantum = await age.generateHybridIdentity();
    await expect(
      Promise.resolve().then(() => age.identityToRecipient(postQuantum)),
    ).rejects.toThrow(/is left out of Snapgate's bundle: Snapgate uses only age X25519 keys/);
  });
});
