import { readStageConfig } from "@domovoi/runtime/config";
import { describe, expect, it } from "vitest";
import {
  AppLoadError,
  DEFAULT_CONCURRENCY,
  hostOptionsFromStage,
  runtimeMismatchWarning,
  runtimeNodeMajor,
} from "../../src/host/index.js";
import { ENDPOINT_URL, fixtureEntry, startFunctionHost } from "./host-fixtures.js";

const stage = (document: unknown) => readStageConfig(document, "dev", ".domovoi/config.json");

describe("hostOptionsFromStage", () => {
  it("takes the stage's settings, the function name included", () => {
    const options = hostOptionsFromStage(
      stage({
        app_name: "bartender",
        lambda_timeout: 30,
        stages: {
          dev: {
            lambda_memory_size: 512,
            reserved_concurrent_executions: 3,
            region: "eu-central-1",
            environment_variables: { TABLE: "t" },
          },
        },
      }),
      { entry: "app.ts", endpointUrl: ENDPOINT_URL },
    );
    expect(options).toMatchObject({
      entry: "app.ts",
      endpointUrl: ENDPOINT_URL,
      stage: "dev",
      functionName: "bartender-dev",
      region: "eu-central-1",
      timeoutSeconds: 30,
      memorySizeMb: 512,
      runtime: "nodejs22.x",
      environmentVariables: { TABLE: "t" },
      reservedConcurrency: 3,
    });
  });

  it("leaves the name to the app when the configuration has no app_name", () => {
    const options = hostOptionsFromStage(stage({}), { entry: "app.ts", endpointUrl: ENDPOINT_URL });
    expect(options.functionName).toBeUndefined();
    expect(options.region).toBe("us-east-1");
    expect(() => options.validateManifest?.({ app: "anything" })).not.toThrow();
  });

  it("refuses an app whose name is not the configured app_name", async () => {
    const options = hostOptionsFromStage(stage({ app_name: "bartender" }), {
      entry: fixtureEntry("actions-app"),
      endpointUrl: ENDPOINT_URL,
      prewarm: false,
    });
    const error = await startFunctionHost(options).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(AppLoadError);
    expect((error as AppLoadError).error).toEqual({
      errorType: "ConfigError",
      errorMessage: '.domovoi/config.json: app_name: is "bartender" but the app is named "actions"',
    });
  });
});

describe("FunctionHost options", () => {
  it("refuses settings Lambda could not run", async () => {
    const base = { entry: fixtureEntry("actions-app"), stage: "dev", endpointUrl: ENDPOINT_URL };
    await expect(startFunctionHost({ ...base, timeoutSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(startFunctionHost({ ...base, concurrency: 1.5 })).rejects.toThrow(RangeError);
    await expect(startFunctionHost({ ...base, memorySizeMb: Number.NaN })).rejects.toThrow(
      RangeError,
    );
    expect(DEFAULT_CONCURRENCY).toBe(10);
  });
});

describe("runtimeMismatchWarning", () => {
  it("warns when the local Node.js major is not the runtime's", () => {
    expect(runtimeNodeMajor("nodejs24.x")).toBe(24);
    expect(runtimeMismatchWarning("nodejs22.x", "22.11.0")).toBeUndefined();
    expect(runtimeMismatchWarning("nodejs22.x", "20.19.2")).toBe(
      "The stage runs nodejs22.x (Node.js 22) but the emulator runs on the local Node.js 20.19.2: code may behave differently once deployed.",
    );
  });

  it("is among the host's warnings", async () => {
    const host = await startFunctionHost({
      entry: fixtureEntry("actions-app"),
      stage: "dev",
      endpointUrl: ENDPOINT_URL,
      runtime: "nodejs24.x",
      prewarm: false,
    });
    await host.close();
    expect(host.warnings).toEqual(
      process.versions.node.startsWith("24.") ? [] : [runtimeMismatchWarning("nodejs24.x")],
    );
  });
});
