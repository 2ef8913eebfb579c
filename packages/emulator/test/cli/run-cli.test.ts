import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { memoryIo, REPO } from "./cli-support.js";

async function run(...argv: string[]) {
  const io = memoryIo(REPO);
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("the domovoi command line", () => {
  it("lists its commands, and not the ones still to come", async () => {
    const { code, stdout } = await run("--help");
    expect(code).toBe(0);
    for (const command of ["dev", "invoke", "generate-event", "replay", "capture"]) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    }
    expect(stdout).not.toMatch(/^ {2}(deploy|logs|new-project) /m);
    expect((await run()).code).toBe(2);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const { code, stderr } = await run("deploy");
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "deploy"');
  });

  it("prints a command's help for --help", async () => {
    const { code, stdout } = await run("dev", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("--inspect[=port]");
  });

  it("checks dev's options before starting anything", async () => {
    expect(await run("dev", "--port", "http")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--port must be a whole number from 0 to 65535"),
    });
    expect(await run("dev", "no/such/app.ts")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("No app at"),
    });
    expect((await run("dev", "--watch=no")).code).toBe(2);
  });

  it("says how to start a server when invoke finds none", async () => {
    const { code, stderr } = await run("invoke", "sqs", "--queue", "q", "--body", "x");
    expect(code).toBe(1);
    expect(stderr).toContain("No domovoi dev server runs for");
    expect(stderr).toContain("--in-process");
  });
});
