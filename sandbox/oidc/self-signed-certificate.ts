import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SigningCertificate {
  key: KeyObject;
  certificate: X509Certificate;
  /** The certificate's DER, base64: a JWKS key's `x5c[0]`. */
  der: string;
  /** SHA-1 of the DER, hex: what an S3 server's OIDC provider is registered with. */
  thumbprint: string;
}

/**
 * An RSA key and a self-signed certificate for it, made by the openssl CLI
 * (node:crypto cannot issue certificates). GitHub's JWKS carries x5c
 * certificates, and some STS implementations check the key by them.
 */
export function selfSignedCertificate(commonName: string): SigningCertificate {
  const dir = mkdtempSync(join(tmpdir(), "snapgate-oidc-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-days",
        "2",
        "-subj",
        `/CN=${commonName}`,
      ],
      { stdio: "ignore" },
    );
    const certificate = new X509Certificate(readFileSync(join(dir, "cert.pem")));
    return {
      key: createPrivateKey(readFileSync(join(dir, "key.pem"))),
      certificate,
      der: certificate.raw.toString("base64"),
      thumbprint: createHash("sha1").update(certificate.raw).digest("hex").toUpperCase(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
