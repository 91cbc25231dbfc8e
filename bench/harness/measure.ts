export interface Measurement<T> {
  label: string;
  wallMs: number;
  value: T;
}

/** Runs `fn` once and returns its result with the wall time it took (performance.now). */
export async function measure<T>(label: string, fn: () => Promise<T> | T): Promise<Measurement<T>> {
  const start = performance.now();
  const value = await fn();
  return { label, wallMs: performance.now() - start, value };
}
