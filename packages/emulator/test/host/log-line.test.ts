import { describe, expect, it } from "vitest";
import { exitError, timeoutError } from "../../src/host/index.js";
import { consoleLine, reportLine, startLine } from "../../src/host/log-line.js";

describe("log lines", () => {
  it("writes console lines as the Node.js runtime does", () => {
    const line = consoleLine("id-1", "WARN", "two\nlines", Date.UTC(2024, 0, 5, 12));
    expect(line).toEqual({
      requestId: "id-1",
      timestamp: Date.UTC(2024, 0, 5, 12),
      source: "function",
      level: "WARN",
      text: "2024-01-05T12:00:00.000Z\tid-1\tWARN\ttwo\rlines",
    });
    expect(consoleLine(undefined, "INFO", "init").text.split("\t")[1]).toBe("undefined");
  });

  it("writes START and REPORT lines as Lambda does", () => {
    expect(startLine("id-1", "$LATEST").text).toBe("START RequestId: id-1 Version: $LATEST");
    const report = {
      requestId: "id-1",
      durationMs: 12.345,
      memorySizeMb: 128,
      maxMemoryUsedMb: 40,
      initDurationMs: undefined,
      failure: undefined,
    };
    expect(reportLine(report).text).toBe(
      "REPORT RequestId: id-1\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB",
    );
    expect(
      reportLine({
        ...report,
        initDurationMs: 150.5,
        failure: { status: "error", errorType: "Runtime.ExitError" },
      }).text,
    ).toBe(
      "REPORT RequestId: id-1\tDuration: 12.35 ms\tBilled Duration: 163 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\tInit Duration: 150.50 ms\tStatus: error\tError Type: Runtime.ExitError",
    );
    expect(reportLine({ ...report, failure: { status: "timeout" } }).text).toMatch(
      /\tStatus: timeout$/,
    );
  });

  it("words Lambda's own errors as Lambda does", () => {
    expect(timeoutError("id-1", 3)).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: "RequestId: id-1 Error: Task timed out after 3.00 seconds",
    });
    expect(exitError("id-1", 0).errorMessage).toBe(
      "RequestId: id-1 Error: Runtime exited without providing a reason",
    );
  });
});
