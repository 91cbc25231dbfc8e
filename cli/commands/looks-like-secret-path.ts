/** Interim: replaced by the policy's classifier. Secret-looking files are never compressed before encryption. */
export function looksLikeSecretPath(path: string): boolean {
  const name = path.split("/").pop()?.toLowerCase() ?? "";
  return /^\.env(\..*)?$|\.(pem|key|p12|pfx|jks|keystore)$|secret|credential|id_rsa|id_ed25519/.test(
    name,
  );
}
