import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A deploy helper script (mode 0755 in the corpus). */
export function shellScript(
  fake: FakeValues,
  targetBytes: number,
  { app, env, region }: ContentContext,
): string {
  const { rng } = fake;
  const head = `#!/usr/bin/env bash
# ${fake.sentence()}
set -euo pipefail

APP="${app}"
ENVIRONMENT="\${1:-${env}}"
export AWS_REGION="${region}"
TIMEOUT=${rng.int(30, 600)}
`;
  return fillToSize(targetBytes, head, "", () => {
    switch (rng.int(0, 4)) {
      case 0:
        return `kubectl --context "${env}-${region}" -n "$ENVIRONMENT" rollout status deploy/"$APP" --timeout=\${TIMEOUT}s\n`;
      case 1:
        return `helm upgrade --install "$APP" ./helm/"$APP" -f helm/"$APP"/values-"$ENVIRONMENT".yaml --set image.tag=${fake.imageTag()}\n`;
      case 2:
        return `${fake.upperSnake()}="${fake.kebab()}"\n`;
      case 3:
        return `echo "${fake.sentence()}"\n`;
      default:
        return `terraform -chdir=terraform/"$ENVIRONMENT"/${fake.kebab()} plan -var-file=${region}.tfvars -out=${fake.word()}.plan\n`;
    }
  });
}
