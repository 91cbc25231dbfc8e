import type { FakeValues } from "./fake-values.js";
import { PLANS } from "../vocabulary.js";

/** A large JSON export (customer records), pretty-printed as `jq .` would leave it. */
export function largeJsonExport(fake: FakeValues, targetBytes: number): string {
  const { rng } = fake;
  const records: string[] = [];
  let size = 4;
  while (size < targetBytes) {
    const record = {
      id: fake.uuid(),
      email: fake.email(),
      plan: rng.pick(PLANS),
      country: fake.country(),
      createdAt: fake.isoTime(),
      lastSeenAt: fake.isoTime(),
      seats: rng.int(1, 500),
      mrrCents: rng.int(0, 5_000_000),
      flags: Array.from({ length: rng.int(0, 3) }, () => fake.kebab()),
      lastIp: fake.publicIpv4(),
    };
    // Indent as if inside the top-level array.
    const text = JSON.stringify(record, null, 2).replace(/\n/g, "\n  ");
    records.push("  " + text);
    size += Buffer.byteLength(text) + 4;
  }
  return `[\n${records.join(",\n")}\n]\n`;
}
