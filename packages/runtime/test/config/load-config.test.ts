import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DomovoiError } from "@domovoi/runtime";
import { ConfigError, loadPolicy, loadStageConfig, STAGE_DEFAULTS } from "@domovoi/runtime/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

let project: string;

beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), "domovoi-config-"));
  await mkdir(join(project, ".domovoi"));
});
afterEach(() => rm(project, { recursive: true, force: true }));

const writeConfig = (config: unknown) =>
  writeFile(
    join(project, ".domovoi/config.json"),
    typeof config === "string" ? config : JSON.stringify(config),
  );

describe("loadStageConfig", () => {
  it("gives the defaults when the project has no config file", async () => {
    await rm(join(project, ".domovoi"), { recursive: true });
    const config = await loadStageConfig(project);
    expect(config).toMatchObject({
      stage: "dev",
      ...STAGE_DEFAULTS,
      environmentVariables: {},
      tags: {},
    });
    expect(config.reservedConcurrentExecutions).toBeUndefined();
  });

  it("applies stage overrides on top of the top level, merging maps key by key", async () => {
    await writeConfig({
      version: "2.0",
      app_name: "bartender",
      lambda_timeout: 30,
      environment_variables: { TABLE: "t", MODE: "shared" },
      tags: { team: "bar" },
      stages: {
        dev: {
          environment_variables: { MODE: "dev" },
          lambda_timeout: 5,
          reserved_concurrent_executions: 2,
        },
        prod: { lambda_memory_size: 1024, runtime: "nodejs24.x", region: "eu-west-1" },
      },
    });
    const dev = await loadStageConfig(project);
    expect(dev).toMatchObject({
      appName: "bartender",
      lambdaTimeout: 5,
      environmentVariables: { TABLE: "t", MODE: "dev" },
      tags: { team: "bar" },
      reservedConcurrentExecutions: 2,
    });
    const prod = await loadStageConfig(project, { stage: "prod" });
    expect(prod).toMatchObject({
      stage: "prod",
      lambdaTimeout: 30,
      lambdaMemorySize: 1024,
      runtime: "nodejs24.x",
      region: "eu-west-1",
      environmentVariables: { TABLE: "t", MODE: "shared" },
    });
  });

  it.each([
    [{ lambda_timout: 3 }, "lambda_timout: unknown key"],
    [{ stages: { dev: { stages: {} } } }, "stages.dev.stages: unknown key"],
    [{ lambda_timeout: "60" }, 'lambda_timeout: expected an integer from 1 to 900, got "60"'],
    [
      { stages: { dev: { lambda_timeout: 901 } } },
      "stages.dev.lambda_timeout: expected an integer from 1 to 900",
    ],
    [
      { runtime: "python3.12" },
      'runtime: expected one of nodejs22.x, nodejs24.x, got "python3.12"',
    ],
    [
      { environment_variables: { PORT: 80 } },
      "environment_variables.PORT: expected a string, got number 80",
    ],
    [
      { environment_variables: { AWS_REGION: "x" } },
      "environment_variables.AWS_REGION: is reserved by Lambda",
    ],
    [
      { dead_letter_queue_target_arn: "my-queue" },
      'dead_letter_queue_target_arn: expected an ARN, got "my-queue"',
    ],
    [{ stages: [] }, "stages: expected an object, got an array"],
    [[], "expected an object, got an array"],
  ])("reports %j with the key's path", async (config, message) => {
    await writeConfig(config);
    const error = await loadStageConfig(project).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(DomovoiError);
    expect((error as Error).message).toContain(`.domovoi/config.json: ${message}`);
  });

  it("reports a file that is not JSON", async () => {
    await writeConfig("{ app_name: 1 ");
    await expect(loadStageConfig(project)).rejects.toThrow(/config\.json: is not valid JSON/);
  });

  it("refuses stage names that cannot be part of a function name", async () => {
    await expect(loadStageConfig(project, { stage: "my stage" })).rejects.toThrow(ConfigError);
  });
});

describe("loadPolicy", () => {
  it("reads the stage's policy, and nothing when there is none", async () => {
    expect(await loadPolicy(project, "dev")).toBeUndefined();
    const statement = {
      Effect: "Allow",
      Action: "sns:Publish",
      Resource: "arn:aws:sns:*:*:bartender",
    };
    await writeFile(
      join(project, ".domovoi/policy-dev.json"),
      JSON.stringify({ Version: "2012-10-17", Statement: statement }),
    );
    expect(await loadPolicy(project, "dev")).toEqual({
      Version: "2012-10-17",
      Statement: [statement],
    });
  });

  it("names the statement that is wrong", async () => {
    await writeFile(
      join(project, ".domovoi/policy-dev.json"),
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Resource: "*" }] }),
    );
    await expect(loadPolicy(project, "dev")).rejects.toThrow(
      "policy-dev.json: Statement[0]: expected exactly one of Action and NotAction",
    );
  });
});
