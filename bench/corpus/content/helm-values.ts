import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A Helm values file; per-feature config sections fill it to the target size. */
export function helmValues(
  fake: FakeValues,
  targetBytes: number,
  { app, env, region, team }: ContentContext,
): string {
  const { rng } = fake;
  const head = `# Values for ${app} in ${env}. Owned by ${team}.
replicaCount: ${rng.int(1, 10)}

image:
  repository: registry.example.com/${team}/${app}
  tag: "${fake.imageTag()}"
  pullPolicy: IfNotPresent

serviceAccount:
  create: true
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::${rng.int(100000000000, 999999999999)}:role/${app}-${env}

ingress:
  enabled: ${rng.chance(0.6)}
  className: nginx
  hosts:
    - host: ${app}.${env}.example.com
      paths:
        - path: /
          pathType: Prefix

resources:
  requests:
    cpu: ${fake.cpu()}
    memory: ${fake.memory()}
  limits:
    memory: ${fake.memory()}

autoscaling:
  enabled: ${rng.chance(0.5)}
  minReplicas: ${rng.int(1, 3)}
  maxReplicas: ${rng.int(4, 30)}
  targetCPUUtilizationPercentage: ${rng.int(50, 85)}

nodeSelector:
  topology.kubernetes.io/region: ${region}

config:
`;
  return fillToSize(targetBytes, head, "", (index) => {
    let section = `  ${fake.camel()}${index}:\n    enabled: ${rng.chance(0.7)}\n`;
    for (const key of fake.settingKeys(rng.int(2, 6))) {
      section += `    ${key}: ${fake.scalar(app, env)}\n`;
    }
    return section;
  });
}
