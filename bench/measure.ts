/** One figure of a benchmark run; ratios are always between figures of the same run. */
export interface BenchResult {
  name: string;
  opsPerSec: number;
  note?: string;
}

export interface MeasureOptions {
  /** Operations per timed round; pick so that one round takes tens of milliseconds. */
  opsPerRound: number;
  rounds?: number;
  warmupRounds?: number;
}

/**
 * Runs `round` repeatedly and reports the median rate. These machines are noisy, so the median
 * of several rounds after a warm-up is steadier than one long run.
 */
export async function measure(
  name: string,
  round: () => unknown | Promise<unknown>,
  { opsPerRound, rounds = 7, warmupRounds = 2 }: MeasureOptions,
): Promise<BenchResult> {
  for (let i = 0; i < warmupRounds; i++) await round();
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await round();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(opsPerRound / seconds);
  }
  rates.sort((a, b) => a - b);
  return { name, opsPerSec: rates[Math.floor(rates.length / 2)]! };
}

export function formatResults(title: string, results: readonly BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = results.map(
    (r) =>
      `  ${r.name.padEnd(width)}  ${Math.round(r.opsPerSec).toLocaleString("en-US").padStart(14)} ops/s${r.note ? `  ${r.note}` : ""}`,
  );
  return [title, ...lines].join("\n");
}

/** A small seeded PRNG (mulberry32) so that generated workloads are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
