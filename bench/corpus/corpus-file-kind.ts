/** The kinds of file in the benchmark corpus. */
export const CORPUS_FILE_KINDS = [
  "k8s-deployment",
  "k8s-service",
  "k8s-configmap",
  "helm-values",
  "helm-chart",
  "terraform",
  "terraform-vars",
  "env",
  "nginx",
  "json-config",
  "keystore-jks",
  "keystore-p12",
  "shell-script",
  "large-json",
  "large-yaml",
] as const;

export type CorpusFileKind = (typeof CORPUS_FILE_KINDS)[number];
