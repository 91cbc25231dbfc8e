import { availableParallelism, cpus, release, totalmem, type as osType } from "node:os";

/** One line naming the machine benchmarks ran on, for tables pasted into the README. */
export function describeMachine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const memoryGb = (totalmem() / 1e9).toFixed(1);
  return `${cpu}, ${availableParallelism()} cores, ${memoryGb} GB RAM, ${osType()} ${release()}, Node ${process.version}`;
}
