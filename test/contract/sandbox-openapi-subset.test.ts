import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { restContract } from "../../sandbox/contract/rest-contract.js";
import { webhookContract } from "../../sandbox/contract/webhook-contract.js";
import { allRoutes } from "../../sandbox/handlers/all-routes.js";

const openapiDir = new URL("../../sandbox/openapi/", import.meta.url);
const served = JSON.parse(readFileSync(new URL("served.json", openapiDir), "utf8")) as {
  operations: string[];
  webhooks: string[];
};

function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.add(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe("the committed OpenAPI subsets", () => {
  it("hold exactly the operations the router serves, at the same method and path", () => {
    const described = restContract().describe();
    const routes = allRoutes.map((route) => ({
      operationId: route.operationId,
      method: route.method,
      path: route.path,
    }));
    const byId = (a: { operationId: string }, b: { operationId: string }) =>
      a.operationId.localeCompare(b.operationId);
    expect([...routes].sort(byId)).toEqual([...described].sort(byId));
    expect(routes.map((route) => route.operationId).sort()).toEqual([...served.operations].sort());
  });

  it("hold every webhook event the sandbox builds", () => {
    expect(webhookContract().events().sort()).toEqual([...served.webhooks].sort());
  });

  it("resolve every $ref inside themselves", () => {
    for (const file of ["api.github.com.subset.json", "webhooks.subset.json"]) {
      const document = JSON.parse(readFileSync(new URL(file, openapiDir), "utf8")) as {
        components: Record<string, Record<string, unknown>>;
      };
      for (const ref of refsIn(document)) {
        const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
        expect({
          ref,
          resolved: Boolean(kind && name && document.components[kind]?.[name]),
        }).toEqual({ ref, resolved: true });
      }
    }
  });

  it("read OpenAPI 3.0 nullable and overlapping oneOf the way GitHub answers", () => {
    const contract = restContract();
    // description: nullable string; a null value is what GitHub sends for a repository without one.
    const blob = { sha: "a".repeat(40), url: "http://x/y" };
    expect(contract.validateResponse("git/create-blob", 201, blob)).toEqual([]);
    expect(contract.validateResponse("git/create-blob", 201, { sha: 1 })).not.toEqual([]);
    // 409 of the contents API is oneOf two error shapes that a basic error matches both of.
    expect(
      contract.validateResponse("repos/create-or-update-file-contents", 409, {
        message: "x does not match",
        documentation_url: "https://docs.github.com/rest",
      }),
    ).toEqual([]);
    const body = { environment_name: "prod", state: "approved", comment: "ok" };
    expect(
      contract.validateRequest("actions/review-custom-gates-for-run", {
        pathParams: { owner: "o", repo: "r", run_id: "1" },
        query: {},
        body,
      }).bodyErrors,
    ).toEqual([]);
  });
});
