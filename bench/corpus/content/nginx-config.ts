import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** An nginx site: an upstream and a server whose location blocks fill it to the target size. */
export function nginxConfig(
  fake: FakeValues,
  targetBytes: number,
  { app, env }: ContentContext,
): string {
  const { rng } = fake;
  let upstream = `upstream ${app.replace(/-/g, "_")} {\n    least_conn;\n`;
  for (let i = rng.int(2, 5); i > 0; i--) {
    upstream += `    server ${fake.ipv4()}:${fake.port()} max_fails=${rng.int(1, 5)} fail_timeout=${rng.int(5, 30)}s;\n`;
  }
  upstream += `    keepalive ${rng.pick([16, 32, 64])};\n}\n`;
  const head = `${upstream}
server {
    listen 443 ssl http2;
    server_name ${app}.${env}.example.com;

    ssl_certificate     /etc/nginx/tls/${app}.crt;
    ssl_certificate_key /etc/nginx/tls/${app}.key;
    ssl_protocols       TLSv1.2 TLSv1.3;

    client_max_body_size ${rng.pick([1, 8, 16, 50])}m;
    proxy_read_timeout ${rng.int(10, 120)}s;
    add_header X-Request-Id $request_id always;
`;
  return fillToSize(
    targetBytes,
    head,
    "}\n",
    () => `
    location /${fake.words(rng.int(1, 3), "/")} {
        proxy_pass http://${app.replace(/-/g, "_")};
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_connect_timeout ${rng.int(1, 30)}s;
        limit_req zone=${fake.word()} burst=${rng.int(5, 200)} nodelay;
    }
`,
  );
}
