import { describe, expect, it } from "vitest";
import { compileJsonPath } from "../../../src/services/eventbridge/json-path.js";

const event = {
  "detail-type": "Order",
  resources: ["arn:a", "arn:b"],
  detail: { items: [{ sku: "x" }, { sku: "y" }], "a/b": 1 },
};

describe("compileJsonPath (EventBridge's subset)", () => {
  it.each([
    ["$", event],
    ["$.detail-type", "Order"],
    ["$.resources[1]", "arn:b"],
    ["$.detail.items[0].sku", "x"],
    ["$.detail.a/b", 1],
    ["$.detail.items[*].sku", ["x", "y"]],
    ["$.detail.*", [event.detail.items, 1]],
    ["$.detail.missing", undefined],
    ["$.resources[5]", undefined],
  ])("reads %s", (path, expected) => {
    expect(compileJsonPath(path)?.(event)).toEqual(expected);
  });

  it.each(["detail", "$detail", "$.detail[", "$..detail", "$['detail']"])("refuses %s", (path) => {
    expect(compileJsonPath(path)).toBeUndefined();
  });
});
