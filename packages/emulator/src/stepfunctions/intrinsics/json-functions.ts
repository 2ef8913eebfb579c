import { isJsonObject, jsonTypeName, toJsonText } from "../json.js";
import {
  expectString,
  type IntrinsicFunction,
  intrinsic,
  intrinsicFailure,
} from "./intrinsic-function.js";

export const jsonFunctions: Readonly<Record<string, IntrinsicFunction>> = {
  "States.StringToJson": intrinsic(1, (args, call) => {
    const text = expectString(args, 0, call);
    // Step Functions reads blank text as null instead of rejecting it.
    if (text.trim() === "") return null;
    try {
      return JSON.parse(text);
    } catch {
      throw intrinsicFailure(call, "the argument is not valid JSON text");
    }
  }),

  "States.JsonToString": intrinsic(1, (args) => toJsonText(args[0])),

  "States.JsonMerge": intrinsic(3, (args, call) => {
    const [first, second, deep] = args;
    if (!isJsonObject(first) || !isJsonObject(second)) {
      throw intrinsicFailure(
        call,
        `both values to merge must be objects, but were ${jsonTypeName(first)} and ${jsonTypeName(second)}`,
      );
    }
    if (deep !== false) throw intrinsicFailure(call, "only a shallow merge (false) is supported");
    return { ...first, ...second };
  }),
};
