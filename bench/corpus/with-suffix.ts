/** `a/b/values.yaml` -> `a/b/values-2.yaml`; `a/.env.prod` -> `a/.env-2.prod`. */
export function withSuffix(path: string, suffix: number | string): string {
  const slash = path.lastIndexOf("/");
  const directory = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.indexOf(".", 1);
  return dot === -1
    ? `${directory}${name}-${suffix}`
    : `${directory}${name.slice(0, dot)}-${suffix}${name.slice(dot)}`;
}
