import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { canonicalJson } from "../../../core/crypto/canonical-json.js";
import { sha256Hex } from "../../../core/crypto/sha256-hex.js";
import type { AuditEvent } from "../../../core/audit/audit-event.js";
import type { AuditLogReport } from "../../../core/audit/verify-audit-log.js";
import { makePolicyWorkspace, type PolicyWorkspace } from "../../helpers/policy-workspace.js";
import { tempDir } from "../../helpers/temp-dir.js";

const BODY = `tiers:
  tier1: { max_age: 72h, retention: { keep: { last: 1 } } }
environments:
  staging: { tier: tier1 }
`;

/** Month files of a local store's audit log, oldest first (store-relative paths). */
function monthFiles(store: string): string[] {
  const root = join(store, "audit");
  return readdirSync(root)
    .filter((year) => /^\d{4}$/.test(year))
    .sort()
    .flatMap((year) =>
      readdirSync(join(root, year))
        .filter((file) => /^\d{2}\.jsonl$/.test(file))
        .sort()
        .map((file) => `audit/${year}/${file}`),
    );
}

function readLines(store: string, file: string): string[] {
  return readFileSync(join(store, file), "utf8")
    .split("\n")
    .filter((line) => line !== "");
}

function writeLines(store: string, file: string, lines: readonly string[]): void {
  mkdirSync(join(store, file, ".."), { recursive: true });
  writeFileSync(join(store, file), lines.map((line) => `${line}\n`).join(""));
}

/** Re-hashes events from `from` on, each on the one before: what a forger without any key can do. */
function rechain(lines: string[], from: number): string[] {
  const out = [...lines];
  for (let index = from; index < out.length; index++) {
    const { hash: _hash, ...event } = JSON.parse(out[index] as string) as AuditEvent;
    const before = index === 0 ? null : (JSON.parse(out[index - 1] as string) as AuditEvent);
    const unhashed = { ...event, seq: (before?.seq ?? 0) + 1, prev: before?.hash ?? null };
    out[index] = canonicalJson({ ...unhashed, hash: sha256Hex(canonicalJson(unhashed)) });
  }
  return out;
}

describe("snapgate audit verify and export, on a store written by real CLI runs", () => {
  const dir = tempDir("snapgate-audit-");
  let ws: PolicyWorkspace;
  /** The pristine log, split over three month files as months of use would leave it. */
  let pristine = "";
  let all: string[] = [];
  let copies = 0;

  const verify = async (store: string, ...args: string[]) => {
    const run = await ws.cli("audit", "verify", "--store", store, "--json", ...args);
    return { ...run, report: run.json() as AuditLogReport };
  };
  /** A copy of the pristine store to tamper with. */
  const copy = (): string => {
    const target = join(dir, `copy-${++copies}`);
    cpSync(pristine, target, { recursive: true });
    return target;
  };
  const last = (store: string) => monthFiles(store).at(-1) as string;

  beforeAll(async () => {
    ws = await makePolicyWorkspace(dir);
    ws.writePolicy(ws.keysYaml + BODY);
    for (const version of [1, 2, 3]) {
      ws.write("app/config.yaml", `version: ${version}\n`);
      expect((await ws.snapshot("--env", "staging", "--phase", "post", "app")).code).toBe(0);
    }
    const recorded = await ws.cli(
      "verify",
      "--all",
      "--store",
      ws.store,
      "--identity",
      join(ws.dir, "id.txt"),
      "--record",
    );
    expect(recorded.code).toBe(0);
    expect((await ws.cli("forget", "--store", ws.store, "--env", "staging")).code).toBe(0);
    expect((await ws.cli("prune", "--store", ws.store, "--grace", "0s")).code).toBe(0);

    // Spread the log over two earlier month files and the current one (the chain runs across them).
    const [current] = monthFiles(ws.store);
    all = readLines(ws.store, current as string);
    expect(all.length).toBeGreaterThanOrEqual(9);
    pristine = join(dir, "pristine");
    cpSync(ws.store, pristine, { recursive: true });
    writeLines(pristine, "audit/2000/01.jsonl", all.slice(0, 3));
    writeLines(pristine, "audit/2000/02.jsonl", all.slice(3, 6));
    writeLines(pristine, current as string, all.slice(6));
  });

  it("forget and prune never delete audit/: every event stays, and the log verifies", async () => {
    const types = all.map((line) => (JSON.parse(line) as AuditEvent).type);
    expect(types.filter((type) => type === "snapshot.created")).toHaveLength(3);
    expect(types).toContain("snapshot.verified");
    expect(types.filter((type) => type === "snapshot.forgotten")).toHaveLength(2);
    expect(types.at(-1)).toBe("blobs.pruned");
    // prune deleted the forgotten snapshots' blobs, and nothing of the log.
    expect(JSON.parse(all.at(-1) as string).details.deleted).toBeGreaterThan(0);

    for (const store of [ws.store, pristine]) {
      const { code, report } = await verify(store);
      expect(code).toBe(0);
      expect(report).toMatchObject({
        ok: true,
        events: all.length,
        snapshotsChecked: 3,
        problems: [],
      });
      expect(report.head).toEqual(report.recordedHead);
    }
    const text = await ws.cli("audit", "verify", "--store", pristine);
    expect(text.stdout).toContain(`Audit log intact: ${all.length} event(s), 3 snapshot(s)`);
  });

  it.each([
    [
      "an edited field (who ran it)",
      (store: string) => {
        const lines = readLines(store, "audit/2000/02.jsonl");
        const event = JSON.parse(lines[1] as string) as AuditEvent;
        event.actor = { kind: "user", login: "someone-else", id: 7 };
        lines[1] = canonicalJson(event);
        writeLines(store, "audit/2000/02.jsonl", lines);
      },
      "event 5 was altered",
    ],
    [
      "a removed event",
      (store: string) => {
        const lines = readLines(store, "audit/2000/02.jsonl");
        writeLines(store, "audit/2000/02.jsonl", [lines[0] as string, lines[2] as string]);
      },
      "event 6 does not follow event 4: an event was removed, inserted or reordered",
    ],
    [
      "two events swapped",
      (store: string) => {
        const lines = readLines(store, "audit/2000/01.jsonl");
        writeLines(store, "audit/2000/01.jsonl", [
          lines[0] as string,
          lines[2] as string,
          lines[1] as string,
        ]);
      },
      "event 3 does not follow event 1",
    ],
    [
      "a removed month file",
      (store: string) => rmSync(join(store, "audit/2000/02.jsonl")),
      "event 7 does not follow event 3",
    ],
    [
      "a forged event inserted, chained on the one before it",
      (store: string) => {
        const lines = readLines(store, "audit/2000/02.jsonl");
        const before = JSON.parse(lines[0] as string) as AuditEvent;
        const forged = {
          v: 1,
          seq: before.seq + 1,
          time: before.time,
          type: "snapshot.restored",
          actor: { kind: "user", login: "mallory", id: 666 },
          subject: { stream: "staging", seq: 1 },
          prev: before.hash,
        };
        const line = canonicalJson({ ...forged, hash: sha256Hex(canonicalJson(forged)) });
        writeLines(store, "audit/2000/02.jsonl", [lines[0] as string, line, ...lines.slice(1)]);
      },
      "event 5 does not follow event 5: an event was removed, inserted or reordered",
    ],
    [
      "a removed last month file",
      (store: string) => rmSync(join(store, last(store))),
      "audit/head.json records event",
    ],
    [
      "a truncated tail (the last event removed)",
      (store: string) => writeLines(store, last(store), readLines(store, last(store)).slice(0, -1)),
      "the last 1 event(s) were removed (a truncated tail or a removed month file)",
    ],
    [
      "a snapshot's event removed and the rest re-hashed without a key",
      (store: string) => {
        const lines = monthFiles(store).flatMap((file) => readLines(store, file));
        const index = lines.findIndex((line) => line.includes('"type":"snapshot.created"'));
        const rewritten = rechain([...lines.slice(0, index), ...lines.slice(index + 1)], index);
        for (const file of monthFiles(store)) rmSync(join(store, file));
        writeLines(store, last(pristine), rewritten);
        const head = JSON.parse(rewritten.at(-1) as string) as AuditEvent;
        writeFileSync(
          join(store, "audit/head.json"),
          JSON.stringify({ seq: head.seq, hash: head.hash }),
        );
      },
      "snapshot staging@1",
    ],
  ])("catches %s (exit 3)", async (_name, tamper, message) => {
    const store = copy();
    tamper(store);
    const { code, report } = await verify(store);
    expect(code).toBe(3);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.message).join("\n")).toContain(message);
    const text = await ws.cli("audit", "verify", "--store", store);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain("Audit log damaged or tampered with");
  });

  it("a tail rewritten with head.json is found only against an anchor kept outside the store", async () => {
    // The anchor an earlier export printed, kept by the SIEM.
    const exported = await ws.cli(
      "audit",
      "export",
      "--store",
      pristine,
      "--since",
      "2000-01-01",
      "--output",
      join(dir, "siem.jsonl"),
      "--json",
    );
    const { anchor } = exported.json() as { anchor: string };
    const store = copy();
    const lines = readLines(store, last(store));
    writeLines(store, last(store), lines.slice(0, -1));
    const head = JSON.parse(lines.at(-2) as string) as AuditEvent;
    writeFileSync(
      join(store, "audit/head.json"),
      JSON.stringify({ seq: head.seq, hash: head.hash }),
    );
    // Without the anchor, a removed last event that no snapshot vouches for goes unseen (docs/audit.md says so).
    expect((await verify(store)).code).toBe(0);
    const anchored = await verify(store, "--anchor", anchor);
    expect(anchored.code).toBe(3);
    expect(anchored.report.problems).toEqual([
      expect.objectContaining({
        kind: "anchor",
        message: `the log has no event ${all.length}, which the anchor names: events were removed`,
      }),
    ]);
    expect((await verify(pristine, "--anchor", anchor)).code).toBe(0);
  });

  describe("export", () => {
    it("writes the events of the period as JSON lines, chain fields included, and prints the anchor", async () => {
      const output = join(dir, "export.jsonl");
      const run = await ws.cli(
        "audit",
        "export",
        "--store",
        pristine,
        "--since",
        "2000-01-01",
        "--output",
        output,
        "--json",
      );
      expect(run.code).toBe(0);
      const exported = readFileSync(output, "utf8").split("\n").filter(Boolean);
      // Across the three month files, in chain order, byte for byte as stored.
      expect(exported).toEqual(all);
      for (const line of exported)
        expect(Object.keys(JSON.parse(line) as object)).toEqual(
          expect.arrayContaining(["seq", "prev", "hash", "time", "type", "actor", "subject"]),
        );
      expect(statSync(output).mode & 0o777).toBe(0o600);
      const lastEvent = JSON.parse(all.at(-1) as string) as AuditEvent;
      expect(run.json()).toEqual({
        events: all.length,
        firstSeq: 1,
        lastSeq: all.length,
        anchor: `${lastEvent.seq}:${lastEvent.hash}`,
        unreadable: 0,
        output,
      });
    });

    it("selects by event time: --since inclusive, a bare --until through the end of its day", async () => {
      const times = all.map((line) => (JSON.parse(line) as AuditEvent).time);
      const day = (times[0] as string).slice(0, 10);
      const next = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
      const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
      const lines = async (...args: string[]) => {
        const run = await ws.cli("audit", "export", "--store", pristine, ...args);
        expect(run.code).toBe(0);
        return run.stdout.split("\n").filter(Boolean);
      };
      const sameDay = times.filter((time) => time.startsWith(day)).length;
      expect(await lines("--since", day, "--until", day)).toHaveLength(sameDay);
      expect(await lines("--since", "2000-01-01", "--until", before)).toEqual([]);
      expect(await lines("--since", next)).toEqual(
        all.filter((_line, index) => (times[index] as string) >= next),
      );
      // An exact time: events from it on.
      const third = times[2] as string;
      expect(await lines("--since", third)).toEqual(
        all.filter((_line, index) => (times[index] as string) >= third),
      );
    });

    it.each([
      [["export", "--store", "S"], "snapgate audit: --since is required."],
      [["export", "--store", "S", "--since", "yesterday"], "--since 'yesterday' is not a date."],
      [
        ["export", "--store", "S", "--since", "2026-11-02", "--until", "2026-11-01"],
        "is not after --since",
      ],
      [
        ["export", "--store", "S", "--since", "2026-11-01", "--anchor", "1:ab"],
        "--anchor is an option of audit verify",
      ],
      [["verify", "--store", "S", "--since", "2026-11-01"], "--since is an option of audit export"],
      [["verify", "--store", "S", "--anchor", "12"], "--anchor '12' is not an audit head."],
      [["check", "--store", "S"], "'check' is not an audit subcommand."],
      [[], "snapgate audit needs a subcommand."],
    ])("refuses %p with usage (64)", async (args, message) => {
      const run = await ws.cli("audit", ...args.map((arg) => (arg === "S" ? pristine : arg)));
      expect(run.code).toBe(64);
      expect(run.stderr).toContain(message);
    });

    it("verify says so when there is no store", async () => {
      const run = await ws.cli("audit", "verify", "--store", join(dir, "nothing-here"));
      expect(run.code).toBe(1);
      expect(existsSync(join(dir, "nothing-here"))).toBe(false);
    });
  });
});
