import type { CorpusFileKind } from "./corpus-file-kind.js";

/** Which generator fits an existing file, judged by its name (for files the mutator adds). */
export function kindOfPath(path: string): CorpusFileKind {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const extension = name.includes(".", 1) ? name.slice(name.lastIndexOf(".")) : "";
  if (name.startsWith(".env") || extension === ".env") return "env";
  switch (extension) {
    case ".jks":
      return "keystore-jks";
    case ".p12":
      return "keystore-p12";
    case ".tf":
      return "terraform";
    case ".tfvars":
      return "terraform-vars";
    case ".conf":
      return "nginx";
    case ".json":
      return "json-config";
    case ".sh":
      return "shell-script";
    case ".yaml":
    case ".yml":
      if (name === "Chart.yaml") return "helm-chart";
      if (name.startsWith("deployment")) return "k8s-deployment";
      if (name.startsWith("service")) return "k8s-service";
      if (name.startsWith("values")) return "helm-values";
      return "k8s-configmap";
    default:
      // Plain KEY=value text is the safest guess for an unknown configuration file.
      return "env";
  }
}
