import { median, type RoundTrips } from "./emulator-invoke.js";
import type { BenchResult } from "./measure.js";

const TARGETS = {
  startMs: 1000,
  reloadMs: 300,
  /** Domovoi's round trip over serverless-offline's. */
  roundTripRatio: 0.5,
} as const;

export interface EmulatorFigures {
  /** The machine's one-minute load average before and after the measurements. */
  readonly load: { readonly before: number; readonly after: number; readonly cores: number };
  /** Spawn to first invocation of `domovoi dev`, in ms: one warm-up run, then the measured. */
  readonly starts: { readonly warmup: number; readonly measured: readonly number[] };
  readonly offlineStartMs: number;
  /** File write to the first invocation of the new code, in ms, one per edit. */
  readonly reloads: readonly number[];
  readonly reloadPollMs: number;
  readonly roundTrips: {
    /** Sequential invocations per block; blocks alternate between the servers. */
    readonly perBlock: number;
    readonly ours: RoundTrips;
    readonly theirs: RoundTrips;
  };
  readonly rates: {
    readonly sequential: { readonly ours: BenchResult; readonly theirs: BenchResult };
    readonly concurrent: { readonly ours: BenchResult; readonly theirs: BenchResult };
    readonly concurrentCallers: number;
  };
}

interface Row {
  readonly figure: string;
  readonly ours: string;
  readonly theirs: string;
  readonly ratio: string;
  readonly target: string;
}

const HEADER: Row = {
  figure: "",
  ours: "domovoi dev",
  theirs: "serverless-offline",
  ratio: "ratio",
  target: "target",
};

/** The table of figures, then the samples behind the medians. */
export function formatEmulatorReport(figures: EmulatorFigures): string {
  const { load, starts, reloads, roundTrips, rates } = figures;
  const start = median(starts.measured);
  const reload = median(reloads);
  const rows: Row[] = [
    HEADER,
    {
      figure: `start: spawn -> first invoke (median of ${starts.measured.length})`,
      ours: ms(start),
      theirs: `${ms(figures.offlineStartMs)} (1 run)`,
      ratio: times(start / figures.offlineStartMs),
      target: verdict(start < TARGETS.startMs, `< ${ms(TARGETS.startMs)}`),
    },
    {
      figure: `hot reload: write -> new code answers (median of ${reloads.length})`,
      ours: ms(reload),
      theirs: "none",
      ratio: "",
      target: verdict(reload < TARGETS.reloadMs, `< ${ms(TARGETS.reloadMs)}`),
    },
    roundTripRow("p50", roundTrips.ours.p50, roundTrips.theirs.p50),
    roundTripRow("p95", roundTrips.ours.p95, roundTrips.theirs.p95),
    rateRow("throughput, 1 caller", rates.sequential),
    rateRow(`throughput, ${rates.concurrentCallers} concurrent callers`, rates.concurrent),
  ];
  return [
    ...table(rows),
    "",
    "  ratio: domovoi dev's figure over serverless-offline's (times: lower is better; rates: higher).",
    `  start runs (ms): ${list(starts.measured)}, after a warm-up run (not in the median) of ${ms(starts.warmup)}`,
    `  reloads (ms): ${list(reloads)}; polled with invocations every ${figures.reloadPollMs} ms`,
    `  round trips: ${roundTrips.ours.count} and ${roundTrips.theirs.count} sequential invocations, in blocks of ${roundTrips.perBlock} alternating between the servers`,
    "  serverless-offline has no reload on save: it reloads per request with --reloadHandler.",
    `  machine: ${load.cores} cores, load average ${load.before.toFixed(1)} before and ${load.after.toFixed(1)} after: absolute times grow with it, ratios less so.`,
  ].join("\n");
}

function roundTripRow(which: string, ours: number, theirs: number): Row {
  const ratio = ours / theirs;
  return {
    figure: `invoke round trip ${which}`,
    ours: ms(ours),
    theirs: ms(theirs),
    ratio: times(ratio),
    target: verdict(ratio < TARGETS.roundTripRatio, `< ${TARGETS.roundTripRatio}x`),
  };
}

function rateRow(
  figure: string,
  { ours, theirs }: { readonly ours: BenchResult; readonly theirs: BenchResult },
): Row {
  return {
    figure,
    ours: perSecond(ours.opsPerSec),
    theirs: perSecond(theirs.opsPerSec),
    ratio: times(ours.opsPerSec / theirs.opsPerSec),
    target: "",
  };
}

function table(rows: readonly Row[]): string[] {
  const columns = ["figure", "ours", "theirs", "ratio", "target"] as const;
  const widths = columns.map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    columns
      .map((column, index) => {
        const width = widths[index]!;
        return column === "figure" || column === "target"
          ? row[column].padEnd(width)
          : row[column].padStart(width);
      })
      .join("  ")
      .replace(/^/, "  ")
      .trimEnd(),
  );
}

function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString("en-US")} ms`;
}

function perSecond(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")}/s`;
}

function times(value: number): string {
  return `${value.toFixed(value < 1 ? 2 : 1)}x`;
}

function verdict(met: boolean, target: string): string {
  return `${target}: ${met ? "met" : "missed"}`;
}

function list(values: readonly number[]): string {
  return values.map((value) => Math.round(value)).join(", ");
}
