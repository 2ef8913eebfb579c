import type * as lambda from "@aws-sdk/client-lambda";
import { awsError } from "./aws-error.js";
import type { FakeAws, Handlers } from "./fake-aws.js";
import type { FakeLambda } from "./fake-lambda.js";

/** Functions' resource policies, in the statement shape Lambda's GetPolicy returns. */
export function functionPolicyHandlers(aws: FakeAws, functions: FakeLambda): Handlers {
  return {
    AddPermission: (input: lambda.AddPermissionCommandInput) => {
      const fn = functions.get(input.FunctionName);
      if (fn.statements.some((s) => s.Sid === input.StatementId)) {
        throw awsError(
          "ResourceConflictException",
          `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
          409,
        );
      }
      const condition = {
        ...(input.SourceArn && { ArnLike: { "AWS:SourceArn": input.SourceArn } }),
        ...(input.SourceAccount && {
          StringEquals: { "AWS:SourceAccount": input.SourceAccount },
        }),
      };
      const statement = {
        Sid: input.StatementId,
        Effect: "Allow",
        Principal: input.Principal?.includes(".") ? { Service: input.Principal } : input.Principal,
        Action: input.Action,
        Resource: fn.configuration.FunctionArn,
        ...(Object.keys(condition).length > 0 && { Condition: condition }),
      };
      fn.statements.push(statement);
      return { Statement: JSON.stringify(statement) };
    },
    RemovePermission: ({ FunctionName, StatementId }: lambda.RemovePermissionCommandInput) => {
      const fn = functions.get(FunctionName);
      const index = fn.statements.findIndex((s) => s.Sid === StatementId);
      if (index < 0) {
        throw awsError(
          "ResourceNotFoundException",
          "The resource you requested does not exist.",
          404,
        );
      }
      fn.statements.splice(index, 1);
      return {};
    },
    GetPolicy: ({ FunctionName }: lambda.GetPolicyCommandInput) => {
      const fn = functions.get(FunctionName);
      if (fn.statements.length === 0) {
        throw awsError(
          "ResourceNotFoundException",
          "The resource you requested does not exist.",
          404,
        );
      }
      return {
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Id: "default",
          Statement: fn.statements,
        }),
        RevisionId: aws.nextId(),
      };
    },
  };
}
