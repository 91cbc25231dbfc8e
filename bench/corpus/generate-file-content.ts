import type { ContentContext } from "./content/content-context.js";
import { envFile } from "./content/env-file.js";
import type { FakeValues } from "./content/fake-values.js";
import { helmChart } from "./content/helm-chart.js";
import { helmValues } from "./content/helm-values.js";
import { jsonConfig } from "./content/json-config.js";
import { keystore } from "./content/keystore.js";
import { kubernetesConfigMap } from "./content/kubernetes-config-map.js";
import { kubernetesDeployment } from "./content/kubernetes-deployment.js";
import { kubernetesService } from "./content/kubernetes-service.js";
import { largeJsonExport } from "./content/large-json-export.js";
import { largeRenderedManifest } from "./content/large-rendered-manifest.js";
import { nginxConfig } from "./content/nginx-config.js";
import { shellScript } from "./content/shell-script.js";
import { terraform } from "./content/terraform.js";
import { terraformVars } from "./content/terraform-vars.js";
import type { CorpusFileKind } from "./corpus-file-kind.js";

/** The bytes of one corpus file of `kind`, about `targetBytes` long. */
export function generateFileContent(
  kind: CorpusFileKind,
  fake: FakeValues,
  targetBytes: number,
  context: ContentContext,
): Buffer {
  switch (kind) {
    case "keystore-jks":
      return keystore(fake, targetBytes, "jks");
    case "keystore-p12":
      return keystore(fake, targetBytes, "p12");
    case "k8s-deployment":
      return Buffer.from(kubernetesDeployment(fake, targetBytes, context));
    case "k8s-service":
      return Buffer.from(kubernetesService(fake, targetBytes, context));
    case "k8s-configmap":
      return Buffer.from(kubernetesConfigMap(fake, targetBytes, context));
    case "helm-values":
      return Buffer.from(helmValues(fake, targetBytes, context));
    case "helm-chart":
      return Buffer.from(helmChart(fake, targetBytes, context));
    case "terraform":
      return Buffer.from(terraform(fake, targetBytes, context));
    case "terraform-vars":
      return Buffer.from(terraformVars(fake, targetBytes, context));
    case "env":
      return Buffer.from(envFile(fake, targetBytes, context));
    case "nginx":
      return Buffer.from(nginxConfig(fake, targetBytes, context));
    case "json-config":
      return Buffer.from(jsonConfig(fake, targetBytes, context));
    case "shell-script":
      return Buffer.from(shellScript(fake, targetBytes, context));
    case "large-json":
      return Buffer.from(largeJsonExport(fake, targetBytes));
    case "large-yaml":
      return Buffer.from(largeRenderedManifest(fake, targetBytes, context));
  }
}
