import { describe, expect, it } from "@jest/globals";
import { schemaValidator } from "../../core/compile-schema.js";

interface Deploy {
  env: string;
  phase: "pre" | "post";
  replicas?: number;
}

const schema = {
  $id: "https://snapgate.dev/test/deploy.schema.json",
  type: "object",
  additionalProperties: false,
  required: ["env", "phase"],
  properties: {
    env: { type: "string" },
    phase: { enum: ["pre", "post"] },
    replicas: { type: "integer", minimum: 1 },
  },
};

describe("JsonSchemaValidator", () => {
  const validator = schemaValidator<Deploy>(schema);

  it("returns the value when it is valid", () => {
    const value = { env: "prod", phase: "pre", replicas: 2 };
    expect(validator.check(value)).toEqual({ ok: true, value });
  });

  it("names an unknown key instead of ajv's generic message", () => {
    expect(validator.check({ env: "prod", phase: "pre", replica: 2 })).toEqual({
      ok: false,
      problems: [{ instancePath: "/", message: "has an unknown key 'replica'" }],
    });
  });

  it("lists the allowed values of an enum", () => {
    expect(validator.check({ env: "prod", phase: "during" })).toEqual({
      ok: false,
      problems: [{ instancePath: "/phase", message: 'must be one of "pre", "post"' }],
    });
  });

  it("reports every problem, with ajv's message for other keywords", () => {
    const result = validator.check({ phase: "pre", replicas: 0, extra: true });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { instancePath: "/", message: "must have required property 'env'" },
        { instancePath: "/", message: "has an unknown key 'extra'" },
        { instancePath: "/replicas", message: "must be >= 1" },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it("a second validator of the same schema id reuses the compiled schema", () => {
    // Compiling the same $id twice would make ajv throw "already exists".
    const again = schemaValidator<Deploy>({ ...schema });
    expect(again.check({ env: "x", phase: "post" }).ok).toBe(true);
    expect(again.check({ env: 1, phase: "post" })).toEqual({
      ok: false,
      problems: [{ instancePath: "/env", message: "must be string" }],
    });
  });

  it("compiles a schema without an id", () => {
    const anonymous = schemaValidator<string[]>({
      type: "array",
      items: { type: "string" },
    });
    expect(anonymous.check(["a"]).ok).toBe(true);
    expect(anonymous.check([1])).toEqual({
      ok: false,
      problems: [{ instancePath: "/0", message: "must be string" }],
    });
  });
});
