import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A Helm Chart.yaml; chart dependencies fill it to the target size. */
export function helmChart(
  fake: FakeValues,
  targetBytes: number,
  { app, team }: ContentContext,
): string {
  const head = `apiVersion: v2
name: ${app}
description: ${fake.sentence()}
type: application
version: ${fake.semver()}
appVersion: "${fake.semver()}"
maintainers:
  - name: ${team}
    email: ${team}@example.com
dependencies:
`;
  return fillToSize(
    targetBytes,
    head,
    "",
    () => `  - name: ${fake.kebab()}
    version: "~${fake.semver()}"
    repository: https://charts.example.com/${fake.word()}
    condition: ${fake.camel()}.enabled
`,
  );
}
