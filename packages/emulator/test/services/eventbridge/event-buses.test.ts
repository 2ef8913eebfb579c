import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DescribeEventBusCommand,
  ListEventBusesCommand,
} from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, REGION, START, useEventBridgeEmulator } from "./harness.js";

const emulator = useEventBridgeEmulator();

describe("event buses", () => {
  it("has a default bus in every region", async () => {
    const bus = await emulator().events.send(new DescribeEventBusCommand({}));
    expect(bus).toMatchObject({
      Name: "default",
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
    });
  });

  it("creates, describes, lists and deletes a custom bus", async () => {
    const { events } = emulator();
    const { EventBusArn } = await events.send(
      new CreateEventBusCommand({ Name: "orders", Description: "order events" }),
    );
    expect(EventBusArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders`);
    const described = await events.send(new DescribeEventBusCommand({ Name: EventBusArn }));
    expect(described).toMatchObject({
      Name: "orders",
      Arn: EventBusArn,
      Description: "order events",
      CreationTime: new Date(START),
    });
    const listed = await events.send(new ListEventBusesCommand({ NamePrefix: "ord" }));
    expect(listed.EventBuses?.map((bus) => bus.Name)).toEqual(["orders"]);
    await events.send(new DeleteEventBusCommand({ Name: "orders" }));
    const after = await events.send(new ListEventBusesCommand({}));
    expect(after.EventBuses?.map((bus) => bus.Name)).toEqual(["default"]);
  });

  it("keeps each region's buses apart", async () => {
    const { events, client } = emulator();
    await events.send(new CreateEventBusCommand({ Name: "orders" }));
    const west = client("eu-west-1");
    const buses = await west.send(new ListEventBusesCommand({}));
    expect(buses.EventBuses?.map((bus) => bus.Arn)).toEqual([
      `arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/default`,
    ]);
  });

  it("pages ListEventBuses with Limit and NextToken", async () => {
    const { events } = emulator();
    for (const name of ["bus-1", "bus-2", "bus-3", "bus-4"]) {
      await events.send(new CreateEventBusCommand({ Name: name }));
    }
    const first = await events.send(new ListEventBusesCommand({ NamePrefix: "bus-", Limit: 3 }));
    expect(first.EventBuses?.map((bus) => bus.Name)).toEqual(["bus-1", "bus-2", "bus-3"]);
    const second = await events.send(
      new ListEventBusesCommand({ NamePrefix: "bus-", Limit: 3, NextToken: first.NextToken }),
    );
    expect(second.EventBuses?.map((bus) => bus.Name)).toEqual(["bus-4"]);
    expect(second.NextToken).toBeUndefined();
  });

  it("refuses a second bus of one name (recorded against AWS)", async () => {
    const { events } = emulator();
    await events.send(new CreateEventBusCommand({ Name: "orders" }));
    expect(await failureOf(events.send(new CreateEventBusCommand({ Name: "orders" })))).toEqual({
      name: "ResourceAlreadyExistsException",
      message: "Event bus orders already exists.",
      status: 400,
    });
  });

  it("answers ResourceNotFoundException for a bus that does not exist (recorded)", async () => {
    const failure = await failureOf(
      emulator().events.send(new DescribeEventBusCommand({ Name: "nope" })),
    );
    expect(failure).toMatchObject({
      name: "ResourceNotFoundException",
      message: "Event bus nope does not exist.",
    });
  });

  it("refuses to delete the default bus and ignores a missing one (recorded)", async () => {
    const { events } = emulator();
    expect(
      await failureOf(events.send(new DeleteEventBusCommand({ Name: "default" }))),
    ).toMatchObject({ name: "ValidationException", message: "Cannot delete event bus default." });
    await expect(events.send(new DeleteEventBusCommand({ Name: "nope" }))).resolves.toBeDefined();
  });

  it("validates bus names with the model's message", async () => {
    const failure = await failureOf(
      emulator().events.send(new CreateEventBusCommand({ Name: "no spaces" })),
    );
    expect(failure).toMatchObject({
      name: "ValidationException",
      message:
        "1 validation error detected: Value 'no spaces' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+",
    });
  });
});
