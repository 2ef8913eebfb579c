import type { WireMessageAttribute } from "./message-attributes.js";
import { invalidParameter, missingMember } from "./sns-errors.js";

interface ParamNode {
  value: string | undefined;
  readonly children: Map<string, ParamNode>;
}

const newNode = (): ParamNode => ({ value: undefined, children: new Map() });

/**
 * The parameters of a query-protocol request, read as the tree their names spell: lists are
 * `Name.member.N...`, maps `Name.entry.N.key` / `.value` (`.Name` / `.Value` for message
 * attributes), and an empty list is `Name=` with nothing under it.
 */
export class QueryParams {
  readonly #node: ParamNode;

  private constructor(node: ParamNode) {
    this.#node = node;
  }

  static parse(params: URLSearchParams): QueryParams {
    const root = newNode();
    for (const [name, value] of params) {
      let node = root;
      for (const part of name.split(".")) {
        let child = node.children.get(part);
        if (!child) {
          child = newNode();
          node.children.set(part, child);
        }
        node = child;
      }
      node.value = value;
    }
    return new QueryParams(root);
  }

  optionalString(name: string): string | undefined {
    return this.#node.children.get(name)?.value;
  }

  /** A required parameter; `path` is how SNS names it when it is missing. */
  string(name: string, path = lowerFirst(name)): string {
    const value = this.optionalString(name);
    if (value === undefined) throw missingMember(path);
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.optionalString(name);
    if (value === undefined) return undefined;
    if (value === "true" || value === "false") return value === "true";
    throw invalidParameter(name);
  }

  /** The structures of a list parameter, in index order. */
  members(name: string): QueryParams[] {
    return this.#indexed(name, "member");
  }

  stringMembers(name: string): string[] {
    return this.members(name).map((member) => member.#node.value ?? "");
  }

  /** A map of strings (`Attributes.entry.N.key` / `.value`). */
  stringMap(name: string): Record<string, string> {
    return Object.fromEntries(
      this.#indexed(name, "entry").map((entry) => [
        entry.optionalString("key") ?? "",
        entry.optionalString("value") ?? "",
      ]),
    );
  }

  /** `MessageAttributes.entry.N.Name` / `.Value.DataType`, `.Value.StringValue`, `.Value.BinaryValue`. */
  messageAttributes(name: string): Record<string, WireMessageAttribute> {
    return Object.fromEntries(
      this.#indexed(name, "entry").map((entry) => {
        const value = entry.#child("Value");
        const attribute: WireMessageAttribute = {
          DataType: value.optionalString("DataType"),
          StringValue: value.optionalString("StringValue"),
          BinaryValue: value.optionalString("BinaryValue"),
        };
        return [entry.optionalString("Name") ?? "", attribute];
      }),
    );
  }

  #child(name: string): QueryParams {
    return new QueryParams(this.#node.children.get(name) ?? newNode());
  }

  #indexed(name: string, kind: "member" | "entry"): QueryParams[] {
    const items = this.#node.children.get(name)?.children.get(kind)?.children ?? new Map();
    return [...items.entries()]
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, node]) => new QueryParams(node));
  }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
