import { pythonJsonDumpsValue } from "./python-json.js";

/** What one of the corpus's trivial Python Lambda handlers does. */
export interface PythonBehaviour {
  /** `time.sleep(n)` before anything else. */
  readonly sleepSeconds: number;
  readonly outcome: /** `return event`: the event back, as Python re-serialises it. */
    | { readonly kind: "echo" }
    /** The response bytes: a returned `bytes` goes out as is, anything else through json.dumps. */
    | { readonly kind: "body"; readonly body: string }
    | {
        readonly kind: "raise";
        readonly errorType: string;
        readonly errorMessage: string;
        readonly line: number;
        readonly code: string;
      };
}

type PythonValue =
  | { readonly type: "int"; readonly value: number }
  | { readonly type: "str"; readonly value: string }
  | { readonly type: "bytes"; readonly value: string };

/**
 * Reads a handler written in the small subset the corpus uses: `time.sleep(n)`, assignments of
 * int products, string repetitions and `.encode(...)`, then `return event`, `return <literal>`,
 * `return <name>` or `raise <Exception>(<message>)`. Anything else is rejected, so that a new kind
 * of handler fails loudly instead of being guessed at.
 */
export function parsePythonHandler(source: string): PythonBehaviour {
  const lines = source.split("\n");
  const start = lines.findIndex((line) => /^def handler\(/.test(line));
  if (start === -1) throw new Error(`No handler function in:\n${source}`);
  const names = new Map<string, PythonValue>();
  let sleepSeconds = 0;
  for (let i = start + 1; i < lines.length; i++) {
    const statement = lines[i]!.trim();
    if (statement === "" || statement.startsWith("#")) continue;
    const sleep = /^time\.sleep\((\d+)\)$/.exec(statement);
    const assignment = /^(\w+) = (.+)$/.exec(statement);
    if (sleep) sleepSeconds += Number(sleep[1]);
    else if (assignment) names.set(assignment[1]!, evaluate(assignment[2]!, names));
    else if (statement === "return event") return { sleepSeconds, outcome: { kind: "echo" } };
    else if (statement.startsWith("return ")) {
      return {
        sleepSeconds,
        outcome: { kind: "body", body: responseBody(statement.slice(7), names) },
      };
    } else if (statement.startsWith("raise ")) {
      const raised = /^raise (\w+)\((?:"((?:[^"\\]|\\.)*)")?\)$/.exec(statement);
      if (!raised) break;
      return {
        sleepSeconds,
        outcome: {
          kind: "raise",
          errorType: raised[1]!,
          errorMessage: raised[2] === undefined ? "" : JSON.parse(`"${raised[2]}"`),
          line: i + 1,
          code: statement,
        },
      };
    } else break;
  }
  throw new Error(`Unsupported Python handler:\n${source}`);
}

function responseBody(expression: string, names: ReadonlyMap<string, PythonValue>): string {
  const bytes = /^b'(.*)'$/.exec(expression);
  if (bytes) return bytes[1]!;
  if (expression.startsWith("{") || expression.startsWith("[")) {
    return pythonJsonDumpsValue(JSON.parse(expression));
  }
  const value = evaluate(expression, names);
  return value.type === "bytes" ? value.value : pythonJsonDumpsValue(value.value);
}

function evaluate(expression: string, names: ReadonlyMap<string, PythonValue>): PythonValue {
  const product = /^(\d+) \* (\d+)$/.exec(expression);
  if (product) return { type: "int", value: Number(product[1]) * Number(product[2]) };
  const repeat = /^"(.*)" \* (\w+)$/.exec(expression);
  if (repeat) {
    const count = names.get(repeat[2]!);
    if (count?.type !== "int") throw new Error(`Cannot repeat by ${repeat[2]}`);
    return { type: "str", value: repeat[1]!.repeat(count.value) };
  }
  const encode = /^(\w+)\.encode\("utf-8"\)$/.exec(expression);
  if (encode) {
    const text = names.get(encode[1]!);
    if (text?.type !== "str") throw new Error(`Cannot encode ${encode[1]}`);
    return { type: "bytes", value: text.value };
  }
  const known = names.get(expression);
  if (known) return known;
  throw new Error(`Unsupported Python expression: ${expression}`);
}
