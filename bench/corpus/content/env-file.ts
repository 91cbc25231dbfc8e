import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A .env file with connection strings and fake secrets. */
export function envFile(
  fake: FakeValues,
  targetBytes: number,
  { app, env, region }: ContentContext,
): string {
  const { rng } = fake;
  const head = `# ${app} (${env}). Fake secrets for benchmarks only.
APP_NAME=${app}
APP_ENV=${env}
AWS_REGION=${region}
DATABASE_URL=postgres://${app.replace(/-/g, "_")}:${fake.secret()}@db-${rng.int(1, 9)}.${env}.internal:5432/${app.replace(/-/g, "_")}
REDIS_URL=redis://:${rng.base62(24)}@redis.${env}.internal:6379/${rng.int(0, 15)}
`;
  return fillToSize(targetBytes, head, "", () => {
    if (rng.chance(0.1)) return `\n# ${fake.sentence()}\n`;
    if (rng.chance(0.35)) return `${fake.upperSnake()}_SECRET=${fake.secret()}\n`;
    const value = fake.scalar(app, env);
    return `${fake.upperSnake()}=${value}\n`;
  });
}
