import type { EventBus } from "../event-bus.js";
import { type EventBridgeOperation, page, wireTime } from "./operation.js";

const BUS_NAME = {
  min: 1,
  max: 256,
  pattern: { regex: /^[/.\-_A-Za-z0-9]+$/, text: "[/\\.\\-_A-Za-z0-9]+" },
};

const createEventBus: EventBridgeOperation = (input, { backend, region }) => {
  const name = input.string("Name", BUS_NAME);
  const description = input.optionalString("Description", { max: 512 });
  return { EventBusArn: backend.createEventBus(region, name, description).arn };
};

const deleteEventBus: EventBridgeOperation = (input, { backend, region }) => {
  backend.deleteEventBus(region, input.string("Name", { min: 1, max: 256 }));
  return {};
};

const describeEventBus: EventBridgeOperation = (input, { backend, region }) =>
  busView(backend.eventBus(region, input.optionalString("Name", { min: 1, max: 1600 })));

const listEventBuses: EventBridgeOperation = (input, context) => {
  const prefix = input.optionalString("NamePrefix", { min: 1, max: 256 }) ?? "";
  const buses = context.backend
    .eventBuses(context.region)
    .filter((bus) => bus.name.startsWith(prefix));
  const { items, nextToken } = page(input, buses, (bus) => bus.name);
  return { EventBuses: items.map(busView), ...(nextToken && { NextToken: nextToken }) };
};

function busView(bus: EventBus): object {
  return {
    Name: bus.name,
    Arn: bus.arn,
    ...(bus.description !== undefined && { Description: bus.description }),
    CreationTime: wireTime(bus.creationTime),
    LastModifiedTime: wireTime(bus.creationTime),
  };
}

export const BUS_OPERATIONS = {
  CreateEventBus: createEventBus,
  DeleteEventBus: deleteEventBus,
  DescribeEventBus: describeEventBus,
  ListEventBuses: listEventBuses,
};
