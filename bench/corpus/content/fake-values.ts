import type { SeededRandom } from "../seeded-random.js";
import { COUNTRIES, FIRST_NAMES, WORDS } from "../vocabulary.js";

/** 2024-01-01T00:00:00Z: generated timestamps count from here, never from the clock. */
const EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * Plausible configuration values drawn from a seeded PRNG. The mix matters:
 * words and repeated keys compress well, ids, hashes and secrets do not, which
 * together give the 4-8x gzip ratio of real configuration.
 */
export class FakeValues {
  /** The few words one file keeps coming back to, as a real file does. */
  private readonly vocabulary: readonly string[];
  /** The setting names of this file: sections of one config repeat the same keys. */
  private readonly settings: readonly string[];

  constructor(readonly rng: SeededRandom) {
    this.vocabulary = rng.shuffle(WORDS).slice(0, 24);
    this.settings = [...new Set(Array.from({ length: 16 }, () => this.camel()))];
  }

  /** `count` distinct setting names of this file, always in the same relative order. */
  settingKeys(count: number): string[] {
    const chosen = new Set(this.rng.shuffle(this.settings).slice(0, count));
    return this.settings.filter((key) => chosen.has(key));
  }

  word(): string {
    return this.rng.pick(this.rng.chance(0.9) ? this.vocabulary : WORDS);
  }

  words(count: number, separator: string): string {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(this.word());
    return parts.join(separator);
  }

  kebab(): string {
    return this.words(this.rng.int(2, 3), "-");
  }

  snake(): string {
    return this.words(this.rng.int(2, 3), "_");
  }

  camel(): string {
    return this.words(this.rng.int(2, 3), " ").replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
  }

  upperSnake(): string {
    return this.snake().toUpperCase();
  }

  sentence(): string {
    const text = this.words(this.rng.int(4, 10), " ");
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  }

  semver(): string {
    return `${this.rng.int(0, 4)}.${this.rng.int(0, 30)}.${this.rng.int(0, 60)}`;
  }

  imageTag(): string {
    return this.rng.chance(0.5) ? this.semver() : `sha-${this.rng.hex(12)}`;
  }

  uuid(): string {
    const h = this.rng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  ipv4(): string {
    return `10.${this.rng.int(0, 255)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`;
  }

  publicIpv4(): string {
    return `${this.rng.int(11, 223)}.${this.rng.int(0, 255)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`;
  }

  cidr(): string {
    return `10.${this.rng.int(0, 255)}.${this.rng.pick([0, 16, 32, 64, 128])}.0/${this.rng.pick([16, 20, 24])}`;
  }

  port(): number {
    return this.rng.chance(0.7)
      ? this.rng.pick([80, 443, 3000, 5432, 6379, 8080, 8443, 9090, 9200, 9092])
      : this.rng.int(1024, 65000);
  }

  duration(): string {
    return `${this.rng.pick([1, 2, 5, 10, 15, 30, 45, 60, 90, 120, 300])}${this.rng.pick(["s", "ms", "m"])}`;
  }

  cpu(): string {
    return `${this.rng.int(1, 40) * 50}m`;
  }

  memory(): string {
    return `${this.rng.pick([64, 128, 256, 384, 512, 768, 1024, 2048, 4096])}Mi`;
  }

  hostname(app: string, env: string): string {
    return `${app}.${env}.internal.example.com`;
  }

  email(): string {
    return `${this.rng.pick(FIRST_NAMES)}.${this.word()}${this.rng.int(1, 999)}@example.com`;
  }

  country(): string {
    return this.rng.pick(COUNTRIES);
  }

  /** A fake secret: high-entropy like a real one, marked fake so no scanner mistakes it. */
  secret(): string {
    switch (this.rng.int(0, 3)) {
      case 0:
        return `fake_${this.rng.base62(this.rng.int(24, 40))}`;
      case 1:
        return this.rng.bytes(this.rng.int(18, 36)).toString("base64");
      case 2:
        return `fake-${this.rng.hex(this.rng.int(32, 64))}`;
      default:
        return `sk_test_fake_${this.rng.base62(this.rng.int(20, 32))}`;
    }
  }

  /** A PEM-looking block of random base64: the incompressible part of many configmaps. */
  pem(label: string, indent: string): string {
    const body = this.rng.bytes(this.rng.int(300, 900)).toString("base64");
    const lines = body.match(/.{1,64}/g) ?? [];
    return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`]
      .map((line) => indent + line)
      .join("\n");
  }

  isoTime(spanDays = 400): string {
    return new Date(EPOCH_MS + Math.floor(this.rng.next() * spanDays * 86_400_000)).toISOString();
  }

  /** A scalar of a random type, rendered for YAML/HCL (strings quoted only sometimes). */
  scalar(app: string, env: string): string {
    switch (this.rng.int(0, 8)) {
      case 0:
      case 8:
        return String(
          this.rng.pick([1, 2, 3, 5, 10, 30, 60, 100, 250, 500, 1000, this.rng.int(0, 5000)]),
        );
      case 1:
        return this.rng.chance(0.5) ? "true" : "false";
      case 2:
        return this.duration();
      case 3:
        return `https://${this.hostname(this.rng.chance(0.5) ? app : this.kebab(), env)}/${this.word()}`;
      case 4:
        return `"${this.kebab()}"`;
      case 5:
        return this.ipv4();
      case 6:
        return this.rng.chance(0.3) ? `"${this.sentence()}"` : `"${this.word()}"`;
      default:
        return this.kebab();
    }
  }
}
