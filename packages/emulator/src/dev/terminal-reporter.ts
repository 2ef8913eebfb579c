import { relative } from "node:path";
import type { DomovoiManifest } from "@domovoi/runtime";
import type { ReloadedEvent, ReloadFailedEvent } from "../host/function-host.js";
import type { LogLine } from "../host/log-line.js";
import type { DeadLetteredEvent } from "../services/lambda/index.js";
import type { DevReporter } from "./dev-reporter.js";
import type { DevSchedule } from "./dev-schedules.js";

/** What the banner shows once the server is up. */
export interface DevSummary {
  readonly url: string;
  readonly functionName: string;
  readonly stage: string;
  readonly manifest: DomovoiManifest;
  readonly schedules: readonly DevSchedule[];
  readonly services: readonly string[];
  readonly schedulesRunning: boolean;
}

/** `domovoi dev`'s terminal: the banner, the function's logs, reloads and failures. */
export class TerminalReporter implements DevReporter {
  readonly #write: (text: string) => void;
  readonly #projectDir: string;

  constructor(write: (text: string) => void, projectDir: string) {
    this.#write = write;
    this.#projectDir = projectDir;
  }

  banner(summary: DevSummary): void {
    this.#write(
      [
        `domovoi dev: ${summary.functionName} (stage ${summary.stage}) on ${summary.url}`,
        `  AWS services: ${summary.services.join(", ")}`,
        "",
        routesText(summary.manifest),
        schedulesText(summary.schedules, summary.schedulesRunning),
        "",
      ].join("\n"),
    );
  }

  warning(message: string): void {
    this.#write(`warning: ${message}\n`);
  }

  log(line: LogLine): void {
    this.#write(`${line.text.replaceAll("\r", "\n")}\n`);
  }

  reloaded(event: ReloadedEvent, schedules: readonly DevSchedule[]): void {
    const files = event.changedFiles.map((file) => relative(this.#projectDir, file)).join(", ");
    this.#write(
      `Reloaded ${files || "the app"} in ${Math.round(event.durationMs)} ms (version ${event.generation}).\n`,
    );
    if (schedules.length > 0) this.#write(`${schedulesText(schedules, true)}\n`);
  }

  reloadFailed({ error, changedFiles }: ReloadFailedEvent): void {
    const files = changedFiles.map((file) => relative(this.#projectDir, file)).join(", ");
    this.#write(
      `Reload of ${files || "the app"} failed; the previous version keeps serving.\n  ${error.errorType}: ${error.errorMessage}\n`,
    );
  }

  scheduleFailed(name: string, error: unknown): void {
    this.#write(`Schedule ${name} could not be delivered: ${String(error)}\n`);
  }

  deadLettered({ requestId, trigger, attempts, error }: DeadLetteredEvent): void {
    this.#write(
      `Event ${requestId} (${trigger}) failed ${attempts} attempts and is dead-lettered: ${error.errorType}: ${error.errorMessage}\n`,
    );
  }

  inspector(url: string): void {
    this.#write(`Debugger listening on ${url}\n`);
  }
}

function routesText(manifest: DomovoiManifest): string {
  const rows = manifest.registrations.map((r) => [r.kind, r.name, r.key]);
  if (rows.length === 0) return "Routes: none registered";
  return `Routes:\n${table([["kind", "name", "key"], ...rows])}`;
}

function schedulesText(schedules: readonly DevSchedule[], running: boolean): string {
  if (schedules.length === 0) return "Schedules: none";
  const heading = running ? "Schedules:" : "Schedules (off: --no-schedules):";
  const rows = schedules.map((s) => [
    s.name,
    s.timezone === "UTC" ? s.expression : `${s.expression} ${s.timezone}`,
    s.next ? `next ${s.next.toISOString()}` : "not firing",
  ]);
  return `${heading}\n${table(rows)}`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ")}`.trimEnd(),
    )
    .join("\n");
}
