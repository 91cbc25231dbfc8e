import { APPS, TEAMS } from "../vocabulary.js";
import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { kubernetesConfigMap } from "./kubernetes-config-map.js";
import { kubernetesDeployment } from "./kubernetes-deployment.js";
import { kubernetesService } from "./kubernetes-service.js";

const TEMPLATES = [
  ["deployment", kubernetesDeployment],
  ["service", kubernetesService],
  ["configmap", kubernetesConfigMap],
] as const;

/** A big generated multi-document YAML, like `helm template` or `kustomize build` output. */
export function largeRenderedManifest(
  fake: FakeValues,
  targetBytes: number,
  context: ContentContext,
): string {
  const { rng } = fake;
  const documents: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const documentContext = { ...context, app: rng.pick(APPS), team: rng.pick(TEAMS) };
    const [template, render] = rng.pick(TEMPLATES);
    const body = render(fake, rng.int(1500, 6000), documentContext);
    const text = `---\n# Source: ${documentContext.app}/templates/${template}.yaml\n${body}`;
    documents.push(text);
    size += Buffer.byteLength(text);
  }
  return documents.join("");
}
