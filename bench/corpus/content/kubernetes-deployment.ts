import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A Deployment manifest; its container env list grows until the file reaches the target size. */
export function kubernetesDeployment(
  fake: FakeValues,
  targetBytes: number,
  { app, env, region, team }: ContentContext,
): string {
  const { rng } = fake;
  const head = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${env}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: ${team}
    app.kubernetes.io/version: "${fake.semver()}"
    topology.kubernetes.io/region: ${region}
  annotations:
    deployment.kubernetes.io/revision: "${rng.int(1, 400)}"
    example.com/change-id: "CHG-${rng.int(10000, 99999)}"
    example.com/owner: ${team}
spec:
  replicas: ${rng.int(1, 12)}
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: ${app}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: ${rng.pick([1, 2, "25%"])}
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: ${app}
        team: ${team}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "${fake.port()}"
        checksum/config: ${rng.hex(64)}
    spec:
      serviceAccountName: ${app}
      terminationGracePeriodSeconds: ${rng.pick([10, 30, 60])}
      containers:
        - name: ${app}
          image: registry.example.com/${team}/${app}:${fake.imageTag()}
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: ${fake.port()}
              protocol: TCP
          env:
            - name: APP_ENV
              value: ${env}
`;
  const tail = `          resources:
            requests:
              cpu: ${fake.cpu()}
              memory: ${fake.memory()}
            limits:
              cpu: ${fake.cpu()}
              memory: ${fake.memory()}
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
            periodSeconds: ${rng.int(5, 30)}
          livenessProbe:
            httpGet:
              path: /health/live
              port: http
            initialDelaySeconds: ${rng.int(5, 60)}
`;
  return fillToSize(targetBytes, head, tail, () => {
    const name = fake.upperSnake();
    if (rng.chance(0.2)) {
      return `            - name: ${name}
              valueFrom:
                secretKeyRef:
                  name: ${app}-secrets
                  key: ${fake.kebab()}
`;
    }
    const value = fake.scalar(app, env);
    // Env values are strings in Kubernetes: quote anything YAML would read as another type.
    const quoted = value.startsWith('"') ? value : `"${value}"`;
    return `            - name: ${name}
              value: ${quoted}
`;
  });
}
