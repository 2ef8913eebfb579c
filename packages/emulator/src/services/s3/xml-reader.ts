import { malformedXml } from "./s3-errors.js";

/** An element of a request body; names lose their namespace prefix, attributes are dropped. */
export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** The character data directly inside the element, entities decoded, whitespace kept. */
  readonly text: string;
}

interface OpenElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/**
 * Parses the small XML documents S3 requests carry (bucket configurations, delete lists, part
 * lists). Document type declarations are refused, so no entity expansion can blow up; anything
 * that is not well-formed is S3's `MalformedXML`.
 */
export function parseXml(text: string): XmlElement {
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  while (position < text.length) {
    if (text.startsWith("<?", position)) position = skipPast(text, position, "?>");
    else if (text.startsWith("<!--", position)) position = skipPast(text, position, "-->");
    else if (text.startsWith("<![CDATA[", position)) {
      const end = skipPast(text, position, "]]>");
      appendText(stack, text.slice(position + 9, end - 3));
      position = end;
    } else if (text.startsWith("</", position)) {
      END_TAG.lastIndex = position;
      const match = END_TAG.exec(text);
      const open = stack.pop();
      if (!match || !open || localName(match[1]!) !== open.name) throw malformedXml();
      const element = { name: open.name, children: open.children, text: open.text };
      if (stack.length === 0) root = element;
      else stack.at(-1)!.children.push(element);
      position = END_TAG.lastIndex;
    } else if (text[position] === "<") {
      START_TAG.lastIndex = position;
      const match = START_TAG.exec(text);
      if (!match || root !== undefined) throw malformedXml();
      const open: OpenElement = { name: localName(match[1]!), children: [], text: "" };
      if (match[3] === "/") {
        if (stack.length === 0) root = open;
        else stack.at(-1)!.children.push(open);
      } else stack.push(open);
      position = START_TAG.lastIndex;
    } else {
      const end = text.indexOf("<", position);
      const stop = end === -1 ? text.length : end;
      appendText(stack, decodeEntities(text.slice(position, stop)));
      position = stop;
    }
  }
  if (!root || stack.length > 0) throw malformedXml();
  return root;
}

function skipPast(text: string, position: number, terminator: string): number {
  const end = text.indexOf(terminator, position);
  if (end === -1) throw malformedXml();
  return end + terminator.length;
}

/** Character data belongs to the open element; outside the root only whitespace may appear. */
function appendText(stack: OpenElement[], data: string): void {
  const open = stack.at(-1);
  if (open) open.text += data;
  else if (data.trim() !== "") throw malformedXml();
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function decodeEntities(data: string): string {
  const decoded = data.replace(ENTITY, (_, hex?: string, decimal?: string, named?: string) => {
    if (named !== undefined) return NAMED_ENTITIES[named]!;
    const codePoint = Number.parseInt(hex ?? decimal!, hex === undefined ? 10 : 16);
    if (codePoint > 0x10ffff) throw malformedXml();
    return String.fromCodePoint(codePoint);
  });
  // An ampersand left over started no entity XML knows, and `<` cannot appear raw in text.
  if (/&/.test(data.replace(ENTITY, ""))) throw malformedXml();
  return decoded;
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The text of a child element, or undefined when there is none. */
export function childText(element: XmlElement, name: string): string | undefined {
  return childElement(element, name)?.text;
}
