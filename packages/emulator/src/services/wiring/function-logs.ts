import type { FunctionHost } from "../../host/index.js";
import type { LogsBackend } from "../logs/index.js";

/**
 * Writes every line of the function's output to its log group, `/aws/lambda/<function>`, as
 * Lambda does, so that subscriptions and FilterLogEvents on it work. Lines written before the
 * app named the function (its first initialisation, without `app_name` in the configuration)
 * have no group to go to. Returns what stops the forwarding.
 */
export function forwardFunctionLogs(host: FunctionHost, logs: LogsBackend): () => void {
  const forward = ({ text }: { readonly text: string }) => {
    if (host.functionName !== "") logs.appendLambdaLogs(host.functionName, [text]);
  };
  host.on("log", forward);
  return () => host.off("log", forward);
}
