import type * as lambda from "@aws-sdk/client-lambda";
import { awsError } from "./aws-error.js";
import type { Handlers } from "./fake-aws.js";
import type { FakeLambda } from "./fake-lambda.js";
import { page } from "./paginate.js";

/** Function aliases. */
export function aliasHandlers(functions: FakeLambda): Handlers {
  return {
    CreateAlias: (input: lambda.CreateAliasCommandInput) => {
      const fn = functions.get(input.FunctionName);
      if (fn.aliases.has(String(input.Name))) {
        throw awsError("ResourceConflictException", `Alias already exists: ${input.Name}`, 409);
      }
      const alias = {
        Name: input.Name,
        AliasArn: `${fn.configuration.FunctionArn}:${input.Name}`,
        FunctionVersion: input.FunctionVersion,
        Description: input.Description ?? "",
      };
      fn.aliases.set(String(input.Name), alias);
      return alias;
    },
    UpdateAlias: (input: lambda.UpdateAliasCommandInput) => {
      const alias = aliasOf(functions, input.FunctionName, input.Name);
      Object.assign(alias, {
        ...(input.FunctionVersion !== undefined && { FunctionVersion: input.FunctionVersion }),
        ...(input.Description !== undefined && { Description: input.Description }),
      });
      return alias;
    },
    DeleteAlias: ({ FunctionName, Name }: lambda.DeleteAliasCommandInput) => {
      functions.get(FunctionName).aliases.delete(String(Name));
      return {};
    },
    ListAliases: ({ FunctionName, Marker }: lambda.ListAliasesCommandInput) => {
      const { items, next } = page([...functions.get(FunctionName).aliases.values()], Marker);
      return { Aliases: structuredClone(items), NextMarker: next };
    },
  };
}

function aliasOf(
  functions: FakeLambda,
  functionName: string | undefined,
  name: string | undefined,
): lambda.AliasConfiguration {
  const alias = functions.get(functionName).aliases.get(String(name));
  if (!alias) throw awsError("ResourceNotFoundException", `Alias not found: ${name}`, 404);
  return alias;
}
