import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A Service manifest; extra named ports fill it to the target size. */
export function kubernetesService(
  fake: FakeValues,
  targetBytes: number,
  { app, env, team }: ContentContext,
): string {
  const { rng } = fake;
  const head = `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${env}
  labels:
    app: ${app}
    team: ${team}
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-internal: "${rng.chance(0.7)}"
    external-dns.alpha.kubernetes.io/hostname: ${fake.hostname(app, env)}
spec:
  type: ${rng.pick(["ClusterIP", "ClusterIP", "NodePort", "LoadBalancer"])}
  selector:
    app: ${app}
  sessionAffinity: ${rng.pick(["None", "ClientIP"])}
  ports:
    - name: http
      port: 80
      targetPort: ${fake.port()}
      protocol: TCP
`;
  return fillToSize(
    targetBytes,
    head,
    "",
    (index) => `    - name: ${fake.word()}-${index}
      port: ${fake.port()}
      targetPort: ${fake.port()}
      protocol: ${rng.pick(["TCP", "TCP", "UDP"])}
`,
  );
}
