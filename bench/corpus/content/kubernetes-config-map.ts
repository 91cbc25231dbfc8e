import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/**
 * A ConfigMap holding an application properties file, plus now and then a CA
 * bundle: the properties compress well, the certificate does not.
 */
export function kubernetesConfigMap(
  fake: FakeValues,
  targetBytes: number,
  { app, env, team }: ContentContext,
): string {
  const { rng } = fake;
  const head = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  namespace: ${env}
  labels:
    app: ${app}
    team: ${team}
data:
  LOG_LEVEL: ${rng.pick(["info", "debug", "warn"])}
  APP_ENV: ${env}
  application.yaml: |
`;
  let tail = "";
  if (rng.chance(0.3)) {
    tail = `  ca-bundle.pem: |\n${fake.pem("CERTIFICATE", "    ")}\n`;
  }
  return fillToSize(targetBytes, head, tail, (index) => {
    let section = `    ${fake.word()}${index}:\n`;
    for (const key of fake.settingKeys(rng.int(2, 6))) {
      section += `      ${key}: ${fake.scalar(app, env)}\n`;
    }
    return section;
  });
}
