import { execFile } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { makeKeys, type TestKeys } from "../../helpers/keys.js";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

const run = promisify(execFile);

/**
 * The break-glass walk in docs/how-it-works.md, run as written with bash, jq, sha256sum, age
 * and gunzip alone: it must list every file of a v2 snapshot (root, then
 * hash-checked nodes) and of a v1 one, and each blob it names must decrypt to
 * the file.
 */
const GUIDE = fileURLToPath(new URL("../../../docs/how-it-works.md", import.meta.url));
const V1_FIXTURE = fileURLToPath(new URL("../../fixtures/v1-store", import.meta.url));
const V2_FIXTURE = fileURLToPath(new URL("../../fixtures/v2-store", import.meta.url));

function readmeWalk(): string {
  const text = readFileSync(GUIDE, "utf8");
  const marker = text.indexOf("<!-- break-glass: list a snapshot's files");
  const start = text.indexOf("```sh\n", marker) + "```sh\n".length;
  const script = text.slice(start, text.indexOf("```", start));
  expect(marker).toBeGreaterThan(0);
  return script;
}

/** Runs the walk on one manifest (the documented example path replaced) and reads back each file with age. */
async function breakGlass(cwd: string, manifest: string, identity: string) {
  const script = readmeWalk().replace("manifests/prod/0000000012.json", manifest);
  expect(script).toContain(manifest);
  const { stdout } = await run("bash", ["-c", `set -eo pipefail\n${script}`], { cwd });
  const files: Record<string, string> = {};
  let packed = 0;
  for (const line of stdout.trim().split("\n")) {
    const [path, blob, encoding, offset, length] = line.split("\t") as string[];
    // A packed file (ADR 1114): its bytes of the decrypted pack, as the guide shows.
    const slice = offset ? ` | tail -c +$((${offset} + 1)) | head -c ${length}` : "";
    if (offset) packed += 1;
    const decrypt = `age -d -i ${identity} '${blob}'${slice}${encoding === "gzip" ? " | gunzip" : ""}`;
    files[path as string] = (
      await run("bash", ["-c", `set -o pipefail; ${decrypt}`], { cwd })
    ).stdout;
  }
  return { files, packed, gzip: stdout.includes("\tgzip\t") };
}

describe("break-glass with standard tools (docs/how-it-works.md)", () => {
  const dir = tempDir();
  let keys: TestKeys;
  const tree: Record<string, string> = {
    "app/.env": "DB_PASSWORD=break-glass-test\n",
    "app/conf.d/big.yaml": "replicas: 3\n".repeat(2000),
    "nginx/site.conf": "listen 80;\n",
    ...Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`k8s/cm-${i}.yaml`, `key: value-${i}\n`]),
    ),
  };

  beforeAll(async () => {
    keys = await makeKeys();
    writeFileSync(join(dir, "identity.txt"), keys.age.identity + "\n", { mode: 0o600 });
    writeFileSync(join(dir, "writer.key"), keys.writerText + "\n", { mode: 0o600 });
    for (const [path, content] of Object.entries(tree)) {
      mkdirSync(join(dir, "src", path, ".."), { recursive: true });
      writeFileSync(join(dir, "src", path), content);
    }
    const taken = await runCli(
      [
        "snapshot",
        "--store",
        "store",
        "--env",
        "prod",
        "--phase",
        "manual",
        "--recipient",
        keys.age.recipient,
        "--writer-key",
        "writer.key",
        "--root",
        "src",
        "--no-cache",
        ".",
      ],
      { cwd: dir },
    );
    expect(taken.code).toBe(0);
  });

  it("lists a v2 snapshot's files from its root and nodes, and age -d gives each file back", async () => {
    const root = JSON.parse(
      readFileSync(join(dir, "store/manifests/prod/0000000001.json"), "utf8"),
    ) as { nodes: string[] };
    expect(root.nodes.length).toBeGreaterThan(1);
    const { files, packed, gzip } = await breakGlass(
      dir,
      "manifests/prod/0000000001.json",
      "identity.txt",
    );
    expect(files).toEqual(tree);
    // 63 new files: the first snapshot packed them (ADR 1114), and the walk cut each out.
    expect(packed).toBe(Object.keys(tree).length);
    // The large YAML is compressible and not secret-looking: the gunzip branch ran.
    expect(gzip).toBe(true);
  });

  it("gives back files sealed one age file each (a snapshot of few new files)", async () => {
    const small = join(dir, "small");
    mkdirSync(join(small, "src"), { recursive: true });
    cpSync(join(dir, "identity.txt"), join(small, "identity.txt"));
    cpSync(join(dir, "writer.key"), join(small, "writer.key"));
    const few = { "a.yaml": "replicas: 3\n".repeat(500), "b.env": "TOKEN=x\n" };
    for (const [path, content] of Object.entries(few))
      writeFileSync(join(small, "src", path), content);
    const taken = await runCli(
      [
        ...["snapshot", "--store", "store", "--env", "prod", "--phase", "manual"],
        ...["--recipient", keys.age.recipient, "--writer-key", "writer.key"],
        ...["--root", "src", "--no-cache", "."],
      ],
      { cwd: small },
    );
    expect(taken.code).toBe(0);
    const { files, packed, gzip } = await breakGlass(
      small,
      "manifests/prod/0000000001.json",
      "identity.txt",
    );
    expect(files).toEqual(few);
    expect(packed).toBe(0);
    expect(gzip).toBe(true);
    const listing = (await run("find", ["store/blobs", "-name", "*.gz.age"], { cwd: small }))
      .stdout;
    expect(listing.trim()).not.toBe("");
  });

  it("stops at a node that does not hash to the id the signed root names", async () => {
    const copy = join(dir, "altered");
    cpSync(join(dir, "store"), join(copy, "store"), { recursive: true });
    cpSync(join(dir, "identity.txt"), join(copy, "identity.txt"));
    const root = JSON.parse(
      readFileSync(join(copy, "store/manifests/prod/0000000001.json"), "utf8"),
    ) as { nodes: string[] };
    const id = root.nodes[0] as string;
    // Local stores keep nodes gzip'd (ADR 1106): the walk hashes what gzip -dc gives.
    const node = join(copy, "store/nodes", id.slice(0, 2), `${id}.json.gz`);
    chmodSync(node, 0o644);
    const json = gunzipSync(readFileSync(node)).toString("utf8");
    expect(json).toContain('"mode":420');
    writeFileSync(node, gzipSync(json.replace('"mode":420', '"mode":511')));
    await expect(
      breakGlass(copy, "manifests/prod/0000000001.json", "identity.txt"),
    ).rejects.toMatchObject({ stderr: expect.stringContaining(`node ${id} was altered`) });
  });

  it("lists a v2 snapshot whose nodes are plain JSON (written before ADR 1106, or a GitHub clone)", async () => {
    const v2 = join(dir, "v2");
    cpSync(V2_FIXTURE, v2, { recursive: true });
    chmodSync(join(v2, "identity.txt"), 0o600);
    const listing = (await run("find", ["store/nodes", "-type", "f"], { cwd: v2 })).stdout;
    expect(listing).toMatch(/\.json\n/);
    expect(listing).not.toContain(".json.gz");
    const { files } = await breakGlass(v2, "manifests/prod/0000000002.json", "identity.txt");
    const expected: Record<string, string> = {};
    for (const path of Object.keys(files).sort())
      expected[path] = readFileSync(join(V2_FIXTURE, "src2", path), "utf8");
    expect(Object.keys(files).sort()).toEqual([
      "app/.env",
      "app/conf.d/logging.yml",
      "app/conf.d/workers.yml",
      "nginx/limits.conf",
      "nginx/site.conf",
    ]);
    expect(files).toEqual(expected);
  });

  it("lists a v1 manifest's files the same way", async () => {
    const v1 = join(dir, "v1");
    cpSync(V1_FIXTURE, v1, { recursive: true });
    chmodSync(join(v1, "identity.txt"), 0o600);
    const { files } = await breakGlass(v1, "manifests/prod/0000000002.json", "identity.txt");
    const expected: Record<string, string> = {};
    for (const path of [
      "app/.env",
      "app/conf.d/logging.yml",
      "app/conf.d/workers.yml",
      "nginx/limits.conf",
      "nginx/site.conf",
    ])
      expected[path] = readFileSync(join(V1_FIXTURE, "src2", path), "utf8");
    expect(files).toEqual(expected);
  });
});
