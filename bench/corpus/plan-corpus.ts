import type { ContentContext } from "./content/content-context.js";
import type { CorpusFileKind } from "./corpus-file-kind.js";
import { SeededRandom } from "./seeded-random.js";
import { withSuffix } from "./with-suffix.js";
import { APPS, ENVIRONMENTS, REGIONS, TEAMS, TERRAFORM_MODULES, WORDS } from "./vocabulary.js";

export interface PlannedFile {
  /** Relative POSIX path. */
  path: string;
  kind: CorpusFileKind;
  /** The planned size; the generator adjusts it to keep the total on target. */
  targetBytes: number;
  mode: number;
  context: ContentContext;
}

type SmallKind = Exclude<CorpusFileKind, "large-json" | "large-yaml">;

/** How often each kind appears (share of files) and how big it is relative to the others. */
const SMALL_KINDS: Record<SmallKind, { share: number; relativeSize: number }> = {
  "k8s-deployment": { share: 11, relativeSize: 1.0 },
  "k8s-service": { share: 9, relativeSize: 0.35 },
  "k8s-configmap": { share: 11, relativeSize: 1.6 },
  "helm-values": { share: 10, relativeSize: 1.4 },
  "helm-chart": { share: 3, relativeSize: 0.3 },
  terraform: { share: 14, relativeSize: 1.3 },
  "terraform-vars": { share: 5, relativeSize: 0.4 },
  env: { share: 10, relativeSize: 0.35 },
  nginx: { share: 6, relativeSize: 0.8 },
  "json-config": { share: 12, relativeSize: 1.2 },
  "keystore-jks": { share: 1, relativeSize: 0.9 },
  "keystore-p12": { share: 1, relativeSize: 0.9 },
  "shell-script": { share: 4, relativeSize: 0.4 },
};

/** Files whose names exercise unicode handling (NFC), spaces and emoji. */
const UNICODE_FILES: ReadonlyArray<{ path: string; kind: SmallKind }> = [
  { path: "configs/ünïcödé/日本語.yaml", kind: "k8s-configmap" },
  { path: "configs/ünïcödé/Ελληνικά.env", kind: "env" },
  { path: "configs/中文/配置.json", kind: "json-config" },
  { path: "configs/русский/настройки.tfvars", kind: "terraform-vars" },
  { path: "configs/emoji/🚀-rollout.yaml", kind: "helm-values" },
  { path: "configs/emoji/🔐-client.p12", kind: "keystore-p12" },
  { path: "deploy/prod/café-api/config.json", kind: "json-config" },
  { path: "configs/team notes/on-call config.yaml", kind: "helm-values" },
];

/** Share of the bytes that goes to the few large files (exports, rendered manifests). */
const LARGE_SHARE = 0.4;
const BYTES_PER_LARGE_FILE = 6_000_000;
const MAX_LARGE_FILES = 6;

export const MIN_CORPUS_FILES = UNICODE_FILES.length + Object.keys(SMALL_KINDS).length + 1;

/** Decides every path, kind, mode and planned size of a corpus; no I/O. */
export function planCorpus(seed: number, files: number, targetBytes: number): PlannedFile[] {
  const rng = new SeededRandom(`corpus-plan:${seed}`);
  const taken = new PathRegistry();
  const largeCount = Math.min(
    MAX_LARGE_FILES,
    Math.max(1, Math.round(targetBytes / BYTES_PER_LARGE_FILE)),
  );
  const plan: PlannedFile[] = [];

  // Large files first: their size is fixed by weight, the small files absorb the rest.
  const largeWeights = Array.from({ length: largeCount }, () => 0.5 + rng.next());
  const largeWeightSum = largeWeights.reduce((sum, weight) => sum + weight, 0);
  largeWeights.forEach((weight, index) => {
    const kind: CorpusFileKind = index % 2 === 0 ? "large-json" : "large-yaml";
    const context = randomContext(rng);
    const path =
      kind === "large-json"
        ? rng.pick([
            `exports/customers-${2023 + (index % 3)}-q${1 + ((index >> 1) % 4)}.json`,
            `exports/${context.env}/audit-export-${index}.json`,
          ])
        : `k8s/rendered/${context.env}/all-in-one-${index}.yaml`;
    plan.push({
      path: taken.claim(path),
      kind,
      targetBytes: (targetBytes * LARGE_SHARE * weight) / largeWeightSum,
      mode: 0o644,
      context,
    });
  });

  const small: Array<{ path: string; kind: SmallKind }> = [...UNICODE_FILES];
  for (const kind of Object.keys(SMALL_KINDS) as SmallKind[]) small.push({ path: "", kind });
  const kinds = Object.keys(SMALL_KINDS) as SmallKind[];
  const shareSum = kinds.reduce((sum, kind) => sum + SMALL_KINDS[kind].share, 0);
  while (plan.length + small.length < files) {
    let draw = rng.next() * shareSum;
    let kind = kinds[kinds.length - 1] as SmallKind;
    for (const candidate of kinds) {
      draw -= SMALL_KINDS[candidate].share;
      if (draw < 0) {
        kind = candidate;
        break;
      }
    }
    small.push({ path: "", kind });
  }

  // Sizes are log-normal around each kind's relative size, then scaled to the budget.
  const weights = small.map(
    ({ kind }) => SMALL_KINDS[kind].relativeSize * Math.exp(0.7 * rng.normal()),
  );
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const smallBudget = targetBytes * (1 - LARGE_SHARE);
  small.forEach(({ path, kind }, index) => {
    const context = randomContext(rng);
    plan.push({
      path: taken.claim(path || smallPath(rng, kind, context)),
      kind,
      targetBytes: (smallBudget * (weights[index] as number)) / weightSum,
      mode: modeOf(kind),
      context,
    });
  });
  return plan;
}

function randomContext(rng: SeededRandom): ContentContext {
  const appIndex = rng.int(0, APPS.length - 1);
  return {
    app: APPS[appIndex] as string,
    // An app always belongs to the same team, as in a real organisation.
    team: TEAMS[appIndex % TEAMS.length] as string,
    env: rng.pick(ENVIRONMENTS),
    region: rng.pick(REGIONS),
  };
}

function modeOf(kind: SmallKind): number {
  if (kind === "env" || kind === "keystore-jks" || kind === "keystore-p12") return 0o600;
  if (kind === "shell-script") return 0o755;
  return 0o644;
}

function smallPath(
  rng: SeededRandom,
  kind: SmallKind,
  { app, env, region }: ContentContext,
): string {
  const appDir = rng.pick([
    `deploy/${env}/${app}`,
    `k8s/${env}/${region}/${app}`,
    `k8s/base/${app}`,
  ]);
  const module = rng.pick(TERRAFORM_MODULES);
  const word = rng.pick(WORDS);
  switch (kind) {
    case "k8s-deployment":
      return `${appDir}/deployment.yaml`;
    case "k8s-service":
      return `${appDir}/service.yaml`;
    case "k8s-configmap":
      return rng.chance(0.5) ? `${appDir}/configmap.yaml` : `${appDir}/configmap-${word}.yaml`;
    case "helm-values":
      return rng.pick([
        `helm/${app}/values.yaml`,
        `helm/${app}/values-${env}.yaml`,
        `deploy/${env}/${app}/values.yaml`,
      ]);
    case "helm-chart":
      return rng.chance(0.3) ? `helm/${app}/Chart.yaml` : `helm/${app}/charts/${word}/Chart.yaml`;
    case "terraform": {
      const file = rng.pick(["main", "variables", "outputs", "providers", "backend", "locals"]);
      return rng.chance(0.8)
        ? `terraform/${env}/${module}/${file}.tf`
        : `terraform/modules/${module}/${file}.tf`;
    }
    case "terraform-vars":
      return rng.chance(0.7)
        ? `terraform/${env}/${module}/terraform.tfvars`
        : `terraform/${env}/${region}.tfvars`;
    case "env":
      return rng.pick([
        `deploy/${env}/${app}/.env`,
        `config/${app}/.env.${env}`,
        `deploy/${env}/${app}/.env.${word}`,
      ]);
    case "nginx":
      return rng.pick([
        `nginx/sites-available/${app}.conf`,
        `deploy/${env}/${app}/nginx.conf`,
        `nginx/conf.d/${app}-${env}.conf`,
      ]);
    case "json-config":
      return rng.pick([
        `deploy/${env}/${app}/config.json`,
        `config/${app}/${word}.json`,
        `feature-flags/${env}/${app}.json`,
      ]);
    case "keystore-jks":
      return `secrets/${env}/${app}/${rng.pick(["keystore", "truststore"])}.jks`;
    case "keystore-p12":
      return rng.chance(0.5) ? `certs/${env}/${app}.p12` : `secrets/${env}/${app}/client.p12`;
    case "shell-script":
      return rng.chance(0.6)
        ? `scripts/${rng.pick(["deploy", "rollback", "smoke-test", "rotate", "drain"])}-${word}.sh`
        : `deploy/${env}/${app}/hooks/${rng.pick(["pre-deploy", "post-deploy"])}.sh`;
  }
}

/**
 * Hands out unique paths. Uniqueness is case-insensitive because restore
 * refuses paths that collide on case-insensitive file systems, and no path
 * may be both a file and a directory.
 */
class PathRegistry {
  private readonly files = new Set<string>();
  private readonly directories = new Set<string>();

  claim(path: string): string {
    for (let attempt = 1; ; attempt++) {
      const candidate = attempt === 1 ? path : withSuffix(path, attempt);
      if (this.isFree(candidate)) {
        this.files.add(candidate.toLowerCase());
        const parts = candidate.toLowerCase().split("/");
        for (let i = 1; i < parts.length; i++) this.directories.add(parts.slice(0, i).join("/"));
        return candidate;
      }
    }
  }

  private isFree(path: string): boolean {
    const lower = path.toLowerCase();
    if (this.files.has(lower) || this.directories.has(lower)) return false;
    const parts = lower.split("/");
    for (let i = 1; i < parts.length; i++) {
      if (this.files.has(parts.slice(0, i).join("/"))) return false;
    }
    return true;
  }
}
