import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients, runCli } from "../src/index.js";
import type { FakeAws } from "./fake/fake-aws.js";
import { bartenderAccount, bartenderProject, type LoadedApp } from "./support/bartender.js";

let app: LoadedApp;
let aws: FakeAws;

// One account for the whole file: each command takes the stage from where the previous left it.
beforeAll(async () => {
  app = await bartenderProject();
  aws = bartenderAccount();
}, 60_000);
afterAll(() => aws.restore());

function collector() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function cli(...argv: string[]) {
  const stdout = collector();
  const stderr = collector();
  aws.resetCalls();
  const code = await runCli(
    [app.project.dir, ...argv],
    { stdout: stdout.stream, stderr: stderr.stream, interactive: false },
    { clients: createClients({ region: aws.region }), sleep: async () => {} },
  );
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe("domovoi-deploy", () => {
  it("exits 2 from a dry run with changes pending, making read calls only", async () => {
    const dry = await cli("--dry-run");
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain("23 to create");
    expect(aws.mutatingCalls()).toEqual([]);
  }, 60_000);

  it("deploys with a line per step, then a summary of ARNs", async () => {
    const applied = await cli();
    expect(applied.code).toBe(0);
    expect(applied.stderr).toMatch(/^\[1\/23\] ✓ create role bartender-dev\n/);
    expect(applied.stdout).toContain("Deployed bartender-dev:");
    expect(applied.stdout).toContain(
      "arn:aws:lambda:us-east-1:123456789012:function:bartender-dev",
    );
  }, 60_000);

  it("prints the plan as JSON, and exits 0 when nothing is pending", async () => {
    const json = await cli("--dry-run", "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      applied: false,
      plan: { pending: false, changes: [] },
    });
  }, 60_000);

  it("refuses to delete without --yes when nobody can be asked", async () => {
    const refused = await cli("--delete");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/confirm with --yes/);
    expect(aws.mutatingCalls()).toEqual([]);
    expect((await cli("--delete", "--yes")).code).toBe(0);
    expect(aws.lambda.functions.size).toBe(0);
  }, 60_000);

  it("writes a CloudFormation template and the code beside it without any AWS call", async () => {
    const file = join(app.project.dir, "out/template.json");
    const written = await cli("--template", file);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("Not expressed in the template");
    expect(aws.calls).toEqual([]);
    const template = JSON.parse(await readFile(file, "utf8"));
    expect(template.Resources.FunctionBartenderDev.Type).toBe("AWS::Lambda::Function");
    expect((await readFile(`${file}.zip`)).equals(app.code.zip)).toBe(true);
  }, 60_000);

  it("explains a bad option", async () => {
    const bad = await cli("--stagee", "prod");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Usage: domovoi-deploy");
  });
});
