import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A .tfvars file: one assignment per line, some maps and lists. */
export function terraformVars(
  fake: FakeValues,
  targetBytes: number,
  { app, env, region, team }: ContentContext,
): string {
  const { rng } = fake;
  const head = `environment = "${env}"
region      = "${region}"
application = "${app}"
owner_team  = "${team}"
`;
  return fillToSize(targetBytes, head, "", () => {
    switch (rng.int(0, 5)) {
      case 0:
        return `${fake.snake()} = [${Array.from({ length: rng.int(1, 4) }, () => `"${fake.cidr()}"`).join(", ")}]\n`;
      case 1:
        return `${fake.snake()} = {\n  ${fake.snake()} = "${fake.kebab()}"\n  ${fake.snake()} = ${rng.int(1, 500)}\n}\n`;
      case 2:
        return `${fake.snake()} = ${rng.int(0, 10000)}\n`;
      case 3:
        return `${fake.snake()} = ${rng.chance(0.5)}\n`;
      default:
        return `${fake.snake()} = "${fake.kebab()}"\n`;
    }
  });
}
