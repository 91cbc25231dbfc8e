/**
 * File names that usually hold secrets. Such files are never compressed before
 * encryption (compression leaks length patterns), and the coverage report
 * names those outside every component. Matching is on the file name, case-
 * insensitive; templates such as `.env.example` are not secrets.
 */
const SECRET_NAMES: readonly RegExp[] = [
  /^\.env$/,
  /^\.env\.(?!example$|sample$|template$|dist$|defaults$)[^/]+$/,
  /\.env$/,
  /\.(pem|key|p12|pfx|jks|keystore|ppk|tfstate|tfstate\.backup|tfvars|ovpn)$/,
  /^id_(rsa|dsa|ecdsa|ed25519)$/,
  /^(kubeconfig|.*\.kubeconfig)$/,
  /^credentials(\.(json|ya?ml|xml|ini|csv))?$/,
  /^.*credentials.*\.json$/,
  /^.*service[-_]?account.*\.json$/,
  /^(\.netrc|_netrc|\.npmrc|\.pypirc|\.git-credentials|\.htpasswd|\.pgpass|\.my\.cnf|\.s3cfg)$/,
  /^secrets?(\.[a-z0-9]+)*\.(ya?ml|json|env|txt|ini|toml)$/,
  /\.secrets?$/,
  /^.*\.(agekey|age-identity)$/,
];

/** Directory-qualified names (a file called `config` is only a secret under .kube or .docker). */
const SECRET_PATHS: readonly RegExp[] = [
  /(^|\/)\.kube\/config$/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)\.aws\/credentials$/,
  /(^|\/)\.ssh\/[^/]+$/,
];

const PUBLIC_EXCEPTIONS = /\.pub$/;

export function looksLikeSecret(path: string): boolean {
  const lower = path.toLowerCase();
  const name = lower.split("/").pop() ?? lower;
  if (PUBLIC_EXCEPTIONS.test(name) || name === "known_hosts") return false;
  return (
    SECRET_NAMES.some((pattern) => pattern.test(name)) ||
    SECRET_PATHS.some((pattern) => pattern.test(lower))
  );
}
