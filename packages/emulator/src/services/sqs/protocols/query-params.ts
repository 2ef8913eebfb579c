/** Query members whose numbered entries (`AttributeName.1`, `AttributeName.2`) form a list. */
const LISTS: Readonly<Record<string, string>> = {
  AttributeName: "AttributeNames",
  MessageAttributeName: "MessageAttributeNames",
  MessageSystemAttributeName: "MessageSystemAttributeNames",
  SendMessageBatchRequestEntry: "Entries",
  DeleteMessageBatchRequestEntry: "Entries",
  ChangeMessageVisibilityBatchRequestEntry: "Entries",
  StringListValue: "StringListValues",
  BinaryListValue: "BinaryListValues",
};

/** Query members whose numbered entries are key/value pairs of a map: [JSON name, key, value]. */
const MAPS: Readonly<Record<string, readonly [string, string, string]>> = {
  Attribute: ["Attributes", "Name", "Value"],
  MessageAttribute: ["MessageAttributes", "Name", "Value"],
  MessageSystemAttribute: ["MessageSystemAttributes", "Name", "Value"],
  Tag: ["tags", "Key", "Value"],
};

type Tree = Map<string, Tree | string>;

/**
 * Decodes the flattened parameters of the query protocol (`Attribute.1.Name=VisibilityTimeout`)
 * into the JSON protocol's shape (`{ Attributes: { VisibilityTimeout: "..." } }`), so that both
 * protocols share one implementation of each action. Values stay strings.
 */
export function decodeQueryParameters(params: URLSearchParams): Record<string, unknown> {
  const root: Tree = new Map();
  for (const [key, value] of params) {
    const path = key.split(".");
    let node = root;
    for (const segment of path.slice(0, -1)) {
      const child = node.get(segment);
      if (child instanceof Map) node = child;
      else {
        const created: Tree = new Map();
        node.set(segment, created);
        node = created;
      }
    }
    node.set(path.at(-1)!, value);
  }
  return structure(root);
}

function structure(tree: Tree): Record<string, unknown> {
  return Object.fromEntries(
    [...tree].map(([name, child]): [string, unknown] => {
      const list = LISTS[name];
      if (list) return [list, numbered(child).map(value)];
      const map = MAPS[name];
      if (map) {
        const [jsonName, key, item] = map;
        const pairs = numbered(child).flatMap((pair) => {
          const name = pair instanceof Map ? pair.get(key) : undefined;
          return typeof name === "string" ? [[name, value((pair as Tree).get(item))]] : [];
        });
        return [jsonName, Object.fromEntries(pairs)];
      }
      return [name, value(child)];
    }),
  );
}

function value(node: Tree | string | undefined): unknown {
  return node instanceof Map ? structure(node) : node;
}

/** The entries numbered 1, 2, ... of a member, in their numeric order. */
function numbered(node: Tree | string): (Tree | string)[] {
  if (!(node instanceof Map)) return [];
  return [...node]
    .filter(([index]) => /^\d+$/.test(index))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, entry]) => entry);
}
