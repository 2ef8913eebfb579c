import { CreateRoleCommand, IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import {
  CreateFunctionCommand,
  LambdaClient,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeAws } from "./fake-aws.js";

let aws: FakeAws;
beforeEach(() => {
  aws = new FakeAws().install();
});
afterEach(() => aws.restore());

const lambda = () => new LambdaClient({ region: "us-east-1" });
const iam = () => new IAMClient({ region: "us-east-1" });
const trust = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });

describe("the fake AWS account", () => {
  it("refuses a function update while the previous one is in progress, as Lambda does", async () => {
    const { Role } = await iam().send(
      new CreateRoleCommand({
        RoleName: "r",
        AssumeRolePolicyDocument: trust("lambda.amazonaws.com"),
      }),
    );
    await lambda().send(
      new CreateFunctionCommand({
        FunctionName: "f",
        Role: Role?.Arn,
        Code: { ZipFile: new Uint8Array([1]) },
      }),
    );
    await expect(
      lambda().send(new UpdateFunctionConfigurationCommand({ FunctionName: "f", MemorySize: 256 })),
    ).rejects.toMatchObject({
      name: "ResourceConflictException",
      message: expect.stringContaining("An update is in progress"),
    });
  });

  it("refuses a role Lambda may not assume", async () => {
    const { Role } = await iam().send(
      new CreateRoleCommand({
        RoleName: "r",
        AssumeRolePolicyDocument: trust("states.amazonaws.com"),
      }),
    );
    await expect(
      lambda().send(
        new CreateFunctionCommand({
          FunctionName: "f",
          Role: Role?.Arn,
          Code: { ZipFile: new Uint8Array() },
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidParameterValueException" });
  });

  it("pages its listings and records every call", async () => {
    for (const name of ["a", "b", "c"]) {
      await iam().send(
        new CreateRoleCommand({
          RoleName: name,
          Path: "/x/",
          AssumeRolePolicyDocument: trust("lambda.amazonaws.com"),
        }),
      );
    }
    const first = await iam().send(new ListRolesCommand({ PathPrefix: "/x/" }));
    expect(first.Roles?.map((r) => r.RoleName)).toEqual(["a", "b"]);
    expect(first.IsTruncated).toBe(true);
    const second = await iam().send(
      new ListRolesCommand({ PathPrefix: "/x/", Marker: first.Marker }),
    );
    expect(second.Roles?.map((r) => r.RoleName)).toEqual(["c"]);
    expect(aws.calls.map((c) => `${c.operation}${c.mutating ? "!" : ""}`)).toEqual([
      "CreateRole!",
      "CreateRole!",
      "CreateRole!",
      "ListRoles",
      "ListRoles",
    ]);
  });

  it("fails an operation on demand, once", async () => {
    aws.failOn("CreateRole", { after: 1 });
    const create = (name: string) =>
      iam().send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: trust("lambda.amazonaws.com"),
        }),
      );
    await create("a");
    await expect(create("b")).rejects.toThrow("Injected failure");
    await create("b");
    await expect(create("b")).rejects.toMatchObject({ name: "EntityAlreadyExistsException" });
  });
});
