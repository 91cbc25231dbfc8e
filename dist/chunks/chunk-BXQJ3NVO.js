import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/looks-like-secret.ts
var SECRET_NAMES = [
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
  /^.*\.(agekey|age-identity)$/
];
var SECRET_PATHS = [
  /(^|\/)\.kube\/config$/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)\.aws\/credentials$/,
  /(^|\/)\.ssh\/[^/]+$/
];
var PUBLIC_EXCEPTIONS = /\.pub$/;
function looksLikeSecret(path) {
  const lower = path.toLowerCase();
  const name = lower.split("/").pop() ?? lower;
  if (PUBLIC_EXCEPTIONS.test(name) || name === "known_hosts") return false;
  return SECRET_NAMES.some((pattern) => pattern.test(name)) || SECRET_PATHS.some((pattern) => pattern.test(lower));
}

export {
  looksLikeSecret
};
