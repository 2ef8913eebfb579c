import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomovoiError } from "../../src/errors.js";
import { detectSource } from "../../src/sources/index.js";
import {
  S3_TEST_MESSAGE,
  s3NotificationText,
  snsEnvelope,
  sqsEventWithBodies,
} from "./builders.js";
import { firstEventLabelled, loadEvent, parseableCases, UNROUTED_SOURCES } from "./corpus.js";

/*
 * Mutates real events the way broken producers and hostile callers would (fields deleted or
 * retyped, JSON text and base64 cut short, gzip streams corrupted, huge strings) and checks that
 * detection either succeeds or fails with a DomovoiError, never with a TypeError or a hang.
 *
 * JSON text inside strings (SQS bodies, SNS messages) and the gzip inside `awslogs.data` are
 * expanded into `Encoded` nodes first, so mutations also reach the fields of nested payloads.
 */

class Encoded {
  constructor(
    readonly encoding: "json" | "gzip",
    readonly value: unknown,
  ) {}
}

type Step = string | number;

function expand(value: unknown): unknown {
  if (typeof value === "string") return expandString(value);
  if (Array.isArray(value)) return value.map(expand);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
  }
  return value;
}

function expandString(text: string): unknown {
  try {
    if (text.startsWith("H4sI")) {
      const decoded = JSON.parse(gunzipSync(Buffer.from(text, "base64")).toString());
      return new Encoded("gzip", expand(decoded));
    }
    if (/^\s*[{[]/.test(text)) return new Encoded("json", expand(JSON.parse(text)));
  } catch {
    // Not encoded after all: the string stays a leaf.
  }
  return text;
}

function encode(node: Encoded): string {
  const text = JSON.stringify(collapse(node.value));
  return node.encoding === "json" ? text : gzipSync(text).toString("base64");
}

function collapse(node: unknown): unknown {
  if (node instanceof Encoded) return encode(node);
  if (Array.isArray(node)) return node.map(collapse);
  if (typeof node === "object" && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, collapse(v)]));
  }
  return node;
}

function childrenOf(node: unknown): [Step, unknown][] {
  if (node instanceof Encoded) return [["decoded", node.value]];
  if (Array.isArray(node)) return node.map((child, index) => [index, child]);
  if (typeof node === "object" && node !== null) return Object.entries(node);
  return [];
}

function pathsOf(node: unknown, prefix: Step[] = []): Step[][] {
  return childrenOf(node).flatMap(([step, child]) => [
    [...prefix, step],
    ...pathsOf(child, [...prefix, step]),
  ]);
}

const DELETE = Symbol("delete");
type Mutation = (node: unknown) => unknown;

/** `root` with `mutate` applied at `path` (and the field deleted when it returns DELETE). */
function mutateAt(root: unknown, path: readonly Step[], mutate: Mutation): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return mutate(root);
  const replace = (child: unknown) =>
    rest.length === 0 ? mutate(child) : mutateAt(child, rest, mutate);
  if (root instanceof Encoded) {
    const replaced = replace(root.value);
    return replaced === DELETE ? DELETE : new Encoded(root.encoding, replaced);
  }
  if (Array.isArray(root) && typeof step === "number") {
    const copy = [...root];
    const replaced = replace(copy[step]);
    if (replaced === DELETE) copy.splice(step, 1);
    else copy[step] = replaced;
    return copy;
  }
  if (typeof root === "object" && root !== null) {
    const { [step]: child, ...others } = root as Record<Step, unknown>;
    const replaced = replace(child);
    return replaced === DELETE ? others : { ...others, [step]: replaced };
  }
  return root;
}

const HUGE = "x".repeat(1_000_000);
const ODD_VALUES = [null, 0, -1, 1.5, true, "", "x", [], {}, [null], "{", "[]", "\uD800", HUGE];

/** Cuts the text a node stands for: truncated JSON, truncated base64 or a truncated gzip. */
const truncate =
  (fraction: number): Mutation =>
  (node) => {
    if (node instanceof Encoded && node.encoding === "gzip") {
      const bytes = gzipSync(JSON.stringify(collapse(node.value)));
      return bytes.subarray(0, Math.floor(bytes.length * fraction)).toString("base64");
    }
    const text = node instanceof Encoded ? encode(node) : typeof node === "string" ? node : null;
    return text === null ? node : text.slice(0, Math.floor(text.length * fraction));
  };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>(() => DELETE),
  fc.constantFrom(...ODD_VALUES).map<Mutation>((value) => () => value),
  fc.double({ min: 0, max: 1, noNaN: true }).map(truncate),
  fc.constant<Mutation>((node) => (node instanceof Encoded ? "not json at all" : node)),
  fc.constant<Mutation>((node) => (typeof node === "number" ? String(node) : node)),
  fc.constant<Mutation>((node) => (typeof node === "string" ? `${node}=*garbage*` : node)),
);

/**
 * The corpus's events of routed sources (the contract suite shows the others are rejected) plus
 * the wrapped shapes the corpus lacks.
 */
function seedEvents(): unknown[] {
  const s3Envelope = snsEnvelope({
    Subject: "Amazon S3 Notification",
    Message: s3NotificationText(),
  });
  const testEnvelope = snsEnvelope({
    Subject: "Amazon S3 Notification",
    Message: JSON.stringify(S3_TEST_MESSAGE),
  });
  const eventBridge = firstEventLabelled("eventbridge");
  return [
    ...parseableCases
      .filter((entry) => !UNROUTED_SOURCES.includes(entry.source))
      .map((entry) => loadEvent(entry.file)),
    sqsEventWithBodies(
      ...[s3Envelope, testEnvelope, S3_TEST_MESSAGE].map((b) => JSON.stringify(b)),
    ),
    S3_TEST_MESSAGE,
    { domovoiRule: "my-rule", event: eventBridge },
    {
      ...eventBridge,
      source: "aws.events",
      "detail-type": "Scheduled Event",
      resources: ["arn:aws:events:us-east-1:123456789012:rule/every-minute"],
    },
  ];
}

const seeds = seedEvents().map((event) => {
  const expanded = expand(event);
  return { expanded, paths: pathsOf(expanded) };
});

const mutatedEvent = fc
  .record({
    seed: fc.nat({ max: seeds.length - 1 }),
    edits: fc.array(fc.tuple(fc.nat(), mutationArbitrary), { minLength: 1, maxLength: 3 }),
  })
  .map(({ seed, edits }) => {
    const { expanded, paths } = seeds[seed]!;
    let event = expanded;
    for (const [pick, mutation] of edits) {
      if (paths.length > 0) event = mutateAt(event, paths[pick % paths.length]!, mutation);
    }
    return collapse(event);
  });

describe("detectSource on mutated real events", () => {
  it("succeeds or throws a DomovoiError", () => {
    fc.assert(
      fc.property(mutatedEvent, (event) => {
        try {
          expect(typeof detectSource(event).kind).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(DomovoiError);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
