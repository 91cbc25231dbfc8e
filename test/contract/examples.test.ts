import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { COMMANDS } from "../../cli/commands/index.js";
import { parseCommandArgs } from "../../cli/command.js";
import { loadPolicy } from "../../core/policy/load-policy.js";
import { memoryPolicySource } from "../../core/policy/policy-source.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLES = join(ROOT, "docs/examples");

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps?: Step[];
  outputs?: Record<string, string>;
}
interface ActionYml {
  inputs: Record<string, { required?: boolean }>;
  outputs: Record<string, unknown>;
}

interface RunStep extends Step {
  run?: string;
}

/** `node <checkout>/dist/cli/index.js ARGS` lines of run steps: the checkout's path and the arguments. */
function cliRunsIn(steps: readonly RunStep[]): Array<{ path: string; argv: string[] }> {
  return steps.flatMap((step) =>
    (step.run ?? "").split("\n").flatMap((line) => {
      const match = /^node ([\w.-]+\/dist\/cli\/index\.js) (.*)$/.exec(line.trim());
      if (!match?.[1] || match[2] === undefined) return [];
      const argv = [...match[2].matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
      return [{ path: match[1], argv }];
    }),
  );
}

/** `acme/snapgate@v1` is the root action (snapshot); `acme/snapgate/actions/<name>@v1` the others. */
const OURS = /^[\w.-]+\/snapgate(?:\/actions\/([\w-]+))?@[\w.-]+$/;

function actionOf(uses: string): ActionYml | null {
  const match = OURS.exec(uses);
  if (!match) return null;
  const path = match[1] ? `actions/${match[1]}/action.yml` : "action.yml";
  return parse(readFileSync(join(ROOT, path), "utf8")) as ActionYml;
}

const workflows = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith(".yml") && name !== "snapgate.yml")
  .sort();

describe("docs/examples", () => {
  it("has the deploy, scheduled, restore and feature-flag workflows", () => {
    expect(workflows).toEqual([
      "deploy-s3.yml",
      "deploy-with-feature-flags.yml",
      "deploy.yml",
      "scheduled-drill.yml",
      "scheduled-health.yml",
      "scheduled-replicate.yml",
      "scheduled-snapshot.yml",
      "snapgate-restore.yml",
    ]);
  });

  it("the example policy is valid, and the feature flags are a component of prod's paths", async () => {
    const policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": readFileSync(join(EXAMPLES, "snapgate.yml"), "utf8"),
      }),
    );
    expect(policy.environments.prod?.restoreWorkflow).toBe("snapgate-restore.yml");
    // The restore workflow acts on request records only when the App's key signed them.
    expect(policy.keys.app).toHaveLength(1);
    expect(policy.environments.prod?.paths).toContain("flags/prod.json");
    expect(policy.components.find((c) => c.name === "feature-flags")?.paths).toEqual([
      "flags/*.json",
    ]);
  });

  it("the example policy lists exactly the scheduled workflows with a job in snapgate-restore (ADR 0607)", async () => {
    const policy = await loadPolicy(
      memoryPolicySource({
        ".github/snapgate.yml": readFileSync(join(EXAMPLES, "snapgate.yml"), "utf8"),
      }),
    );
    const needing = workflows.filter((name) => {
      const workflow = parse(readFileSync(join(EXAMPLES, name), "utf8")) as {
        on: Record<string, unknown> | string | string[];
        jobs: Record<string, { environment?: unknown }>;
      };
      const scheduled =
        typeof workflow.on === "object" && !Array.isArray(workflow.on) && "schedule" in workflow.on;
      return (
        scheduled &&
        Object.values(workflow.jobs).some((job) => job.environment === "snapgate-restore")
      );
    });
    expect(needing).toEqual([
      "scheduled-drill.yml",
      "scheduled-health.yml",
      "scheduled-snapshot.yml",
    ]);
    expect([...(policy.restoreEnvironment?.scheduledWorkflows ?? [])].sort()).toEqual(needing);
  });

  describe.each(workflows)("%s", (name) => {
    const workflow = parse(readFileSync(join(EXAMPLES, name), "utf8")) as {
      on: unknown;
      jobs: Record<string, Job>;
    };
    const jobs = Object.entries(workflow.jobs);

    it("parses as a workflow that uses our actions or runs our CLI from a checkout of it", () => {
      expect(workflow.on).toBeDefined();
      const steps = jobs.flatMap(([, job]) => job.steps ?? []);
      const ours = steps.filter((s) => s.uses && actionOf(s.uses));
      expect(ours.length + cliRunsIn(steps).length).toBeGreaterThan(0);
    });

    it("runs only CLI commands and options that exist, from the checkout it makes", async () => {
      const steps = jobs.flatMap(([, job]) => job.steps ?? []);
      for (const { path, argv } of cliRunsIn(steps)) {
        const checkout = steps.find(
          (s) => s.uses?.startsWith("actions/checkout@") && s.with?.path === path.split("/")[0],
        );
        expect({ path, checkout: checkout?.with?.repository }).toEqual({
          path,
          checkout: expect.stringMatching(/\/snapgate$/),
        });
        const entry = COMMANDS.find((command) => command.name === argv[0]);
        expect({ command: argv[0], known: entry !== undefined }).toEqual({
          command: argv[0],
          known: true,
        });
        // The CLI's own parser: an unknown option or a missing value throws.
        parseCommandArgs(await (entry as (typeof COMMANDS)[number]).load(), argv.slice(1));
      }
    });

    it("passes only inputs our actions declare, and every required one", () => {
      for (const [jobName, job] of jobs) {
        for (const step of job.steps ?? []) {
          const action = step.uses ? actionOf(step.uses) : null;
          if (!action) continue;
          const given = Object.keys(step.with ?? {});
          const where = `${jobName}: ${step.uses}`;
          expect({ where, unknown: given.filter((input) => !(input in action.inputs)) }).toEqual({
            where,
            unknown: [],
          });
          const required = Object.entries(action.inputs)
            .filter(([, input]) => input.required)
            .map(([input]) => input);
          expect({ where, missing: required.filter((input) => !given.includes(input)) }).toEqual({
            where,
            missing: [],
          });
        }
      }
    });

    it("reads only outputs our actions declare", () => {
      for (const [jobName, job] of jobs) {
        const byId = new Map((job.steps ?? []).filter((s) => s.id).map((s) => [s.id, s]));
        const text = JSON.stringify(job);
        for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const step = byId.get(id);
          if (output === undefined) continue;
          const action = step?.uses ? actionOf(step.uses) : null;
          if (!action) continue; // another action's output (e.g. the app token)
          expect({ job: jobName, step: id, output, declared: output in action.outputs }).toEqual({
            job: jobName,
            step: id,
            output,
            declared: true,
          });
        }
      }
    });
  });
});

/**
 * actions/create-github-app-token: `client-id` arrived in v3 (v2 knows only
 * `app-id`, and fails without it). These are v3's inputs.
 */
const APP_TOKEN = /^actions\/create-github-app-token@v(\d+)/;
const APP_TOKEN_INPUTS = [
  "client-id",
  "app-id",
  "private-key",
  "owner",
  "repositories",
  "skip-token-revoke",
  "github-api-url",
];

/** Problems of the app-token steps among `steps`: a version without client-id, or an unknown input. */
function appTokenProblems(steps: readonly Step[]): string[] {
  return steps.flatMap((step) => {
    const version = APP_TOKEN.exec(step.uses ?? "")?.[1];
    if (version === undefined) return [];
    const inputs = Object.keys(step.with ?? {});
    return [
      ...(Number(version) < 3 ? [`${step.uses}: v${version} has no client-id input; use @v3`] : []),
      ...(inputs.includes("client-id") ? [] : [`${step.uses}: give the App's client-id`]),
      ...inputs
        .filter((input) => !APP_TOKEN_INPUTS.includes(input) && !input.startsWith("permission-"))
        .map((input) => `${step.uses}: unknown input ${input}`),
    ];
  });
}

describe("the Snapgate App's token in the examples and READMEs", () => {
  const examples = workflows.map((name) => ({
    name,
    steps: stepsIn(parse(readFileSync(join(EXAMPLES, name), "utf8"))),
  }));
  const readmes = [
    "README.md",
    ...readdirSync(join(ROOT, "actions"))
      .map((name) => `actions/${name}/README.md`)
      .filter((path) => existsSync(join(ROOT, path))),
  ].map((name) => ({
    name,
    steps: [...readFileSync(join(ROOT, name), "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap(
      ([, block]) => stepsIn(parse(block ?? "")),
    ),
  }));

  it.each([...examples, ...readmes].map((source) => [source.name, source.steps] as const))(
    "%s mints it with create-github-app-token@v3 and its client-id",
    (name, steps) => {
      expect({ name, problems: appTokenProblems(steps) }).toEqual({ name, problems: [] });
    },
  );

  it("the examples mint it at all, and the check refuses v2 with client-id", () => {
    expect(
      examples.flatMap((example) => example.steps).some((step) => APP_TOKEN.test(step.uses ?? "")),
    ).toBe(true);
    expect(
      appTokenProblems([
        {
          uses: "actions/create-github-app-token@v2",
          with: { "client-id": "x", "private-key": "k" },
        },
      ]),
    ).toEqual(["actions/create-github-app-token@v2: v2 has no client-id input; use @v3"]);
  });
});

/** Every `uses:` step anywhere in a parsed YAML value (a workflow, a job, a list of steps). */
function stepsIn(value: unknown): Step[] {
  if (Array.isArray(value)) return value.flatMap(stepsIn);
  if (value === null || typeof value !== "object") return [];
  const own = typeof (value as Step).uses === "string" ? [value as Step] : [];
  return [...own, ...Object.values(value).flatMap(stepsIn)];
}

describe("the README's inline workflow", () => {
  it("is docs/examples/deploy.yml exactly, the example the tests run", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const inline = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map(([, block]) => block);
    expect(inline).toEqual([readFileSync(join(EXAMPLES, "deploy.yml"), "utf8")]);
  });
});

describe("YAML snippets in the READMEs", () => {
  const readmes = [
    "README.md",
    ...readdirSync(join(ROOT, "actions"))
      .map((name) => `actions/${name}/README.md`)
      .filter((path) => existsSync(join(ROOT, path))),
  ];

  it.each(readmes)("%s uses only inputs our actions declare", (path) => {
    const blocks = [...readFileSync(join(ROOT, path), "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)];
    for (const [, block] of blocks) {
      for (const step of stepsIn(parse(block ?? ""))) {
        const action = step.uses ? actionOf(step.uses) : null;
        if (!action) continue;
        const unknown = Object.keys(step.with ?? {}).filter((input) => !(input in action.inputs));
        expect({ path, uses: step.uses, unknown }).toEqual({ path, uses: step.uses, unknown: [] });
      }
    }
  });
});
