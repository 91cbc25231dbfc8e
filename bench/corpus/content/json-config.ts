import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";

/** Bytes JSON.stringify(.., 2) adds per line when a section is nested one level deeper. */
const INDENT_PER_LINE = 4;

/** A pretty-printed JSON application config; feature sections fill it to the target size. */
export function jsonConfig(
  fake: FakeValues,
  targetBytes: number,
  { app, env, region, team }: ContentContext,
): string {
  const { rng } = fake;
  const features: Record<string, unknown> = {};
  const config = {
    service: app,
    environment: env,
    region,
    owner: team,
    version: fake.semver(),
    listen: { host: "0.0.0.0", port: fake.port() },
    database: {
      host: `db-${rng.int(1, 9)}.${env}.internal`,
      port: 5432,
      pool: { min: rng.int(1, 5), max: rng.int(10, 100), idleTimeout: fake.duration() },
    },
    features,
  };
  let size = Buffer.byteLength(JSON.stringify(config, null, 2));
  for (let index = 0; size < targetBytes; index++) {
    const section: Record<string, unknown> = { enabled: rng.chance(0.7) };
    for (const key of fake.settingKeys(rng.int(2, 6))) {
      section[key] = rng.pick<unknown>([
        rng.int(0, 10000),
        rng.chance(0.5),
        fake.kebab(),
        fake.duration(),
        `https://${fake.hostname(fake.kebab(), env)}/${fake.word()}`,
        fake.uuid(),
      ]);
    }
    const key = `${fake.camel()}${index}`;
    features[key] = section;
    const text = JSON.stringify({ [key]: section }, null, 2);
    size += Buffer.byteLength(text) + text.split("\n").length * INDENT_PER_LINE;
  }
  return JSON.stringify(config, null, 2) + "\n";
}
