import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { workflowStepInputs } from "../../../sandbox/harness/workflow-step.js";

const DEPLOY = readFileSync(new URL("../../../docs/examples/deploy.yml", import.meta.url), "utf8");

describe("workflowStepInputs (the runner harness reading a documented step)", () => {
  it("evaluates the rollback step of docs/examples/deploy.yml as the runner would", () => {
    expect(
      workflowStepInputs(
        DEPLOY,
        { job: "rollback", id: "restore" },
        {
          steps: { token: { outputs: { token: "ghs_token" } } },
          secrets: { SNAPGATE_IDENTITY: "AGE-SECRET-KEY-1X" },
          needs: { deploy: { outputs: { "pre-snapshot": "ab".repeat(32) } } },
        },
      ),
    ).toEqual({
      token: "ghs_token",
      snapshot: "ab".repeat(32),
      environment: "prod",
      identity: "AGE-SECRET-KEY-1X",
      target: ".",
      overwrite: "true",
    });
  });

  it("gives an empty string for a property that is not there, as GitHub does", () => {
    const inputs = workflowStepInputs(DEPLOY, { job: "deploy", id: "pre" }, { github: {} });
    expect(inputs).toMatchObject({ token: "", "writer-key": "", "change-id": "", phase: "pre" });
  });

  it("refuses an expression it cannot evaluate honestly, and a step it cannot pick", () => {
    const text =
      "jobs:\n  a:\n    steps:\n      - id: s\n        uses: x@v1\n        with: { v: '${{ !inputs.dry-run }}' }\n      - uses: y@v1\n      - uses: y@v1\n";
    expect(() => workflowStepInputs(text, { job: "a", id: "s" }, {})).toThrow(
      "The expression ${{ !inputs.dry-run }} is more than a property path; the harness evaluates only those.",
    );
    expect(() => workflowStepInputs(text, { job: "a", uses: "y@v1" }, {})).toThrow(
      "The workflow's job a has 2 steps with uses y@v1; the harness needs exactly one.",
    );
    expect(() => workflowStepInputs(text, { job: "b", id: "s" }, {})).toThrow(
      "The workflow's job b has 0 steps with id s",
    );
  });
});
