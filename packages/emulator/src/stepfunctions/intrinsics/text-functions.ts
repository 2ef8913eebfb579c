import { HASH_ALGORITHM_NAMES, hashText } from "../hashing.js";
import {
  expectString,
  type IntrinsicFunction,
  intrinsic,
  intrinsicFailure,
} from "./intrinsic-function.js";
import type { IntrinsicCall } from "./intrinsic-syntax.js";
import { javaText } from "./java-text.js";

/** Base64 and hash functions take at most this many characters. */
const MAX_TEXT_LENGTH = 10_000;

export const textFunctions: Readonly<Record<string, IntrinsicFunction>> = {
  "States.Format": intrinsic(1, format, Number.POSITIVE_INFINITY),

  "States.StringSplit": intrinsic(2, (args, call) => {
    const text = expectString(args, 0, call);
    const delimiters = new Set(expectString(args, 1, call));
    const parts: string[] = [];
    let current = "";
    for (const char of text) {
      if (!delimiters.has(char)) current += char;
      else if (current !== "") {
        parts.push(current);
        current = "";
      }
    }
    if (current !== "") parts.push(current);
    return parts;
  }),

  "States.Base64Encode": intrinsic(1, (args, call) =>
    Buffer.from(limited(expectString(args, 0, call), call), "utf8").toString("base64"),
  ),

  "States.Base64Decode": intrinsic(1, (args, call) => {
    const encoded = limited(expectString(args, 0, call), call);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
      throw intrinsicFailure(call, "the argument is not valid base64");
    }
    return Buffer.from(encoded, "base64").toString("utf8");
  }),

  "States.Hash": intrinsic(2, (args, call) => {
    const digest = hashText(
      limited(expectString(args, 0, call), call),
      expectString(args, 1, call),
    );
    if (digest === undefined) {
      throw intrinsicFailure(
        call,
        `the hash algorithm must be one of ${HASH_ALGORITHM_NAMES.join(", ")}`,
      );
    }
    return digest;
  }),

  "States.UUID": intrinsic(0, (_args, _call, env) => env.uuid()),
};

function limited(text: string, call: IntrinsicCall): string {
  if (text.length > MAX_TEXT_LENGTH) {
    throw intrinsicFailure(call, `the input exceeds ${MAX_TEXT_LENGTH} characters`);
  }
  return text;
}

/**
 * `{}` placeholders are filled in order; `\{` and `\}` in the template (as written in the
 * literal) are plain braces. The number of placeholders must equal the number of values.
 */
function format(args: readonly unknown[], call: IntrinsicCall): string {
  const template = call.args[0];
  const raw = template?.kind === "string" ? template.raw : expectString(args, 0, call);
  const values = args.slice(1);
  let result = "";
  let used = 0;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === "\\" && i + 1 < raw.length) {
      result += raw[++i];
    } else if (char === "{" && raw[i + 1] === "}") {
      if (used >= values.length) break;
      result += javaText(values[used++]);
      i++;
    } else {
      result += char;
    }
  }
  const placeholders = countPlaceholders(raw);
  if (placeholders !== values.length) {
    throw intrinsicFailure(
      call,
      `the template has ${placeholders} placeholders but ${values.length} values were given`,
    );
  }
  return result;
}

function countPlaceholders(raw: string): number {
  let count = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "\\") i++;
    else if (raw[i] === "{" && raw[i + 1] === "}") {
      count++;
      i++;
    }
  }
  return count;
}
