import * as os from "node:os";
import { jest } from "@jest/globals";

/**
 * Makes the crypto pool see two cores, both free (ADR 1104, 1112), whatever
 * the load of the machine running the tests. Call it before importing, with
 * `await import(...)`, any module that loads the pool.
 */
export function mockFreeCores(): void {
  jest.unstable_mockModule("node:os", () => ({
    ...os,
    availableParallelism: () => 2,
    loadavg: () => [0, 0, 0],
  }));
}
