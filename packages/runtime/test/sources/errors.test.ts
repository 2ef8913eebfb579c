import { describe, expect, it } from "vitest";
import {
  DomovoiError,
  MalformedEventError,
  NoHandlerError,
  UnrecognizedEventError,
} from "../../src/errors.js";

describe("source errors", () => {
  it("name the fields looked at for an unrecognised event", () => {
    const error = new UnrecognizedEventError(["awslogs", "detail-type"], "the event is empty");
    expect(error).toBeInstanceOf(DomovoiError);
    expect(error.name).toBe("UnrecognizedEventError");
    expect(error.fields).toEqual(["awslogs", "detail-type"]);
    expect(error.message).toBe(
      "Unrecognized event: none of awslogs, detail-type identifies a source Domovoi routes (the event is empty).",
    );
  });

  it("name the path, the expectation and the finding for a malformed event", () => {
    const cause = new Error("inner");
    const error = new MalformedEventError("Records[0].body", "a string", "a number", { cause });
    expect(error).toBeInstanceOf(DomovoiError);
    expect(error).toMatchObject({
      path: "Records[0].body",
      expected: "a string",
      found: "a number",
    });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      "Malformed event: expected Records[0].body to be a string, but it is a number.",
    );
  });

  it("name the key and the registered keys when no handler is registered", () => {
    const error = new NoHandlerError("sqs", "orders", ["payments", "refunds"]);
    expect(error).toBeInstanceOf(DomovoiError);
    expect(error).toMatchObject({
      source: "sqs",
      key: "orders",
      registeredKeys: ["payments", "refunds"],
    });
    expect(error.message).toBe('No sqs handler for "orders" (registered: "payments", "refunds").');
    expect(new NoHandlerError("ses", null, []).message).toBe(
      "No ses handler for an event without a routing key (none are registered).",
    );
  });
});
