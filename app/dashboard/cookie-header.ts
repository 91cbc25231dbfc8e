/**
 * A Set-Cookie header: always HttpOnly and SameSite=Lax (sent on the
 * top-level redirect back from GitHub, not on cross-site posts), Secure when
 * the app is served over https; maxAgeSeconds 0 deletes the cookie.
 */
export function cookieHeader(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean; path?: string },
): string {
  return [
    `${name}=${value}`,
    `Path=${options.path ?? "/"}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
