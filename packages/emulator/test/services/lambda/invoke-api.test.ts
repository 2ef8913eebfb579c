import { InvokeCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESPONSE_LIMIT, SYNC_REQUEST_LIMIT } from "../../../src/services/lambda/index.js";
import { type Harness, json, payload, REGION, startHarness } from "./harness.js";

const NAME = "invoker-dev";
const ARN = `arn:aws:lambda:${REGION}:000000000000:function:${NAME}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What the SDK raised, with the parts of Lambda's error the tests look at. */
interface Raised {
  readonly name: string;
  readonly message: string;
  readonly Reason?: string;
  readonly $metadata: { readonly httpStatusCode?: number };
}

describe("Lambda Invoke through @aws-sdk/client-lambda", () => {
  let h: Harness;
  let alias: string;
  const invoke = (
    input: Omit<ConstructorParameters<typeof InvokeCommand>[0], "FunctionName"> & {
      FunctionName?: string;
    },
  ) => h.client.send(new InvokeCommand({ FunctionName: NAME, ...input }));
  const refusal = (input: Parameters<typeof invoke>[0]) =>
    invoke(input).then(
      () => expect.unreachable("the call should fail"),
      (error: Raised) => error,
    );

  beforeAll(async () => {
    h = await startHarness();
    alias = h.host.manifest.stateMachines[0]!.tasks[0]!.alias;
  });
  afterAll(() => h.close());

  it("answers RequestResponse with the result, the executed version and the request id", async () => {
    const out = await invoke({ Payload: payload({ action: "echo", beer: 1 }) });
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe("$LATEST");
    expect(out.FunctionError).toBeUndefined();
    expect(out.LogResult).toBeUndefined();
    expect(out.$metadata.requestId).toMatch(UUID);
    expect(json(out.Payload)).toEqual({ echo: { action: "echo", beer: 1 } });
  });

  it.each([
    ["its name", NAME],
    ["a partial ARN", `000000000000:function:${NAME}`],
    ["its ARN", ARN],
  ])("finds the function by %s", async (_form, FunctionName) => {
    const out = await invoke({ FunctionName, Payload: payload({ action: "context" }) });
    expect(json(out.Payload)).toMatchObject({ invokedFunctionArn: ARN });
  });

  it("sends an empty payload to the handler as {}", async () => {
    const out = await invoke({});
    // `{}` reaches the app's dispatcher, which recognises no source in it.
    expect(out.FunctionError).toBe("Unhandled");
    expect(json(out.Payload)).toMatchObject({ errorType: "UnrecognizedEventError" });
  });

  it("reports a function error as Unhandled, with Lambda's error document", async () => {
    const out = await invoke({ Payload: payload({ action: "fail" }) });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe("Unhandled");
    const error = json(out.Payload) as { errorType: string; errorMessage: string; trace: string[] };
    expect(error).toEqual({
      errorType: "RangeError",
      errorMessage: "no beer left",
      trace: expect.any(Array),
    });
    expect(error.trace[0]).toBe("RangeError: no beer left");
  });

  it("returns the last 4 KB of the invocation's log with LogType Tail", async () => {
    const short = await invoke({ LogType: "Tail", Payload: payload({ action: "echo" }) });
    const requestId = short.$metadata.requestId;
    const shortLog = Buffer.from(short.LogResult!, "base64").toString();
    expect(shortLog).toContain(`START RequestId: ${requestId} Version: $LATEST\n`);
    expect(shortLog).toMatch(
      new RegExp(`END RequestId: ${requestId}\nREPORT RequestId: ${requestId}\t.*\n$`),
    );

    const long = await invoke({
      LogType: "Tail",
      Payload: payload({ action: "chatty", bytes: 10_000 }),
    });
    const tail = Buffer.from(long.LogResult!, "base64");
    expect(tail.length).toBe(4096);
    expect(tail.toString()).toMatch(/\tINFO\tx{90}\nEND RequestId: .*\nREPORT RequestId: .*\n$/);
  });

  it("checks a DryRun without running the function", async () => {
    let ran = 0;
    h.lambda.on("invoked", () => ran++);
    const out = await invoke({ InvocationType: "DryRun", Payload: payload({ action: "fail" }) });
    expect(out.StatusCode).toBe(204);
    expect(ran).toBe(0);
    const error = await refusal({ InvocationType: "DryRun", Qualifier: "live" });
    expect(error.name).toBe("ResourceNotFoundException");
  });

  it("routes a Step Functions task alias to its task handler", async () => {
    const byQualifier = await invoke({ Qualifier: alias, Payload: payload({ n: 21 }) });
    expect(json(byQualifier.Payload)).toEqual({ doubled: 42, task: "Double" });
    const byName = await invoke({ FunctionName: `${ARN}:${alias}`, Payload: payload({ n: 2 }) });
    expect(json(byName.Payload)).toEqual({ doubled: 4, task: "Double" });
    const arn = await invoke({ Qualifier: alias, Payload: payload({ action: "context" }) });
    expect(json(arn.Payload)).toMatchObject({ invokedFunctionArn: `${ARN}:${alias}` });
  });

  it("accepts $LATEST as a qualifier", async () => {
    const out = await invoke({ Qualifier: "$LATEST", Payload: payload({ action: "context" }) });
    expect(json(out.Payload)).toMatchObject({ invokedFunctionArn: `${ARN}:$LATEST` });
  });

  it.each([
    ["an alias the app does not have", { Qualifier: "live" }, `Function not found: ${ARN}:live`],
    [
      "another function",
      { FunctionName: "other-dev" },
      `Function not found: arn:aws:lambda:${REGION}:000000000000:function:other-dev`,
    ],
    [
      "another account",
      { FunctionName: `123456789012:function:${NAME}` },
      `Function not found: arn:aws:lambda:${REGION}:123456789012:function:${NAME}`,
    ],
    [
      "another region",
      { FunctionName: ARN.replace(REGION, "eu-west-1") },
      `Functions from 'eu-west-1' are not reachable in this region ('${REGION}')`,
    ],
  ])("answers ResourceNotFoundException for %s", async (_case, input, message) => {
    const error = await refusal(input);
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it("refuses a qualifier in the name that differs from Qualifier", async () => {
    const error = await refusal({ FunctionName: `${NAME}:${alias}`, Qualifier: "$LATEST" });
    expect(error.name).toBe("InvalidParameterValueException");
    expect(error.message).toBe(
      "The derived qualifier from the function name does not match the specified qualifier.",
    );
  });

  it("refuses a function name outside Invoke's pattern", async () => {
    const error = await refusal({ FunctionName: "no/slashes" });
    expect(error.name).toBe("ValidationException");
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'no\/slashes' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
  });

  it("refuses an unknown invocation type", async () => {
    const error = await refusal({ InvocationType: "Sideways" as never });
    expect(error.name).toBe("ValidationException");
    expect(error.message).toBe(
      "1 validation error detected: Value 'Sideways' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]",
    );
  });

  it("gives the handler the client context", async () => {
    const clientContext = { custom: { beer: "Quadrupel" } };
    const out = await invoke({
      ClientContext: Buffer.from(JSON.stringify(clientContext)).toString("base64"),
      Payload: payload({ action: "context" }),
    });
    expect(json(out.Payload)).toMatchObject({ clientContext });
    const error = await refusal({ ClientContext: "not base64!" });
    expect(error.name).toBe("InvalidRequestContentException");
    expect(error.message).toBe("Client context must be a valid Base64-encoded JSON object.");
  });

  it("refuses a payload that is not JSON", async () => {
    const error = await refusal({ Payload: Buffer.from("{beer") });
    expect(error.name).toBe("InvalidRequestContentException");
    expect(error.message).toMatch(
      /^Could not parse request body into json: Could not parse payload into json: /,
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("refuses a synchronous request over 6 MB", async () => {
    const error = await refusal({ Payload: Buffer.alloc(SYNC_REQUEST_LIMIT + 1, " ") });
    expect(error.name).toBe("RequestEntityTooLargeException");
    expect(error.message).toBe(
      "Request must be smaller than 6291456 bytes for the InvokeFunction operation",
    );
    expect(error.$metadata.httpStatusCode).toBe(413);
  });

  it("fails an invocation whose response is over the limit", async () => {
    const out = await invoke({ Payload: payload({ action: "big", bytes: RESPONSE_LIMIT }) });
    expect(out.FunctionError).toBe("Unhandled");
    expect(json(out.Payload)).toEqual({
      errorType: "Function.ResponseSizeTooLarge",
      errorMessage: "Response payload size exceeded maximum allowed payload size (6291556 bytes).",
    });
  });

  it("answers other Lambda operations as not emulated", async () => {
    const error = (await h.client.send(new ListFunctionsCommand({})).catch((e) => e)) as Raised;
    expect(error.name).toBe("UnknownOperationException");
    expect(error.message).toContain("GET /2015-03-31/functions");
    expect(error.$metadata.httpStatusCode).toBe(501);
  });
});
