import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import semver from "semver";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface LockPackage {
  engines?: { node?: string };
}

const readJson = <T>(name: string) => JSON.parse(readFileSync(join(ROOT, name), "utf8")) as T;

describe("the lowest Node.js that package.json's engines allows installs every locked package", () => {
  it("no package in package-lock.json requires a newer Node.js (npm ci would warn EBADENGINE)", () => {
    const engines = readJson<{ engines: { node: string } }>("package.json").engines.node;
    const lowest = semver.minVersion(engines)?.version;
    expect(lowest).toBeDefined();
    const { packages } = readJson<{ packages: Record<string, LockPackage> }>("package-lock.json");
    const refusing = Object.entries(packages)
      .filter(([, entry]) => entry.engines?.node !== undefined)
      .filter(([, entry]) => !semver.satisfies(lowest ?? "", entry.engines?.node ?? ""))
      .map(([path, entry]) => `${path} requires node ${entry.engines?.node}`);
    expect(refusing).toEqual([]);
  });
});
