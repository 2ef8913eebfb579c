import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Domovoi, DomovoiError } from "../../src/index.js";
import { fixture, labelledEvents } from "../support/fixtures.js";
import { lambdaContext } from "../support/lambda-context.js";

const ROUTED = new Set([
  "sqs",
  "sns-via-sqs",
  "s3-via-sqs",
  "sns",
  "s3-via-sns",
  "s3",
  "s3-via-eventbridge",
  "dynamodb",
  "kinesis",
  "ses",
  "logs",
  "eventbridge",
  "alb",
]);

const fixtures = labelledEvents
  .filter((entry) => ROUTED.has(entry.source) && !entry.invalid && entry.records !== null)
  .map((entry) => fixture<unknown>(entry.file));

/** Handlers for every key the fixtures carry, so that mutated events travel as far as they can. */
function catchAll(): Domovoi {
  const app = new Domovoi({ name: "shop" });
  const keys = (...sources: string[]) =>
    new Set(
      labelledEvents.filter((e) => sources.includes(e.source) && e.key !== null).map((e) => e.key!),
    );
  const echo = async (event: unknown) => event;
  for (const queue of keys("sqs", "sns-via-sqs", "s3-via-sqs")) {
    app.sqsQueueSubscriber(queue, { name: `q-${queue}` }, echo);
  }
  for (const topic of keys("sns", "s3-via-sns").add("powertools265")) {
    app.snsTopicSubscriber(topic, { name: `t-${topic}` }, echo);
  }
  for (const bucket of keys("s3", "s3-via-eventbridge").add("xxx")) {
    const events = ["s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:ObjectRestore:*"];
    app.s3EventHandler({ name: `b-${bucket}`, bucket, events }, echo);
  }
  for (const table of keys("dynamodb"))
    app.dynamodbStreamHandler(table, { name: `d-${table}` }, echo);
  for (const stream of keys("kinesis"))
    app.kinesisStreamHandler(stream, { name: `k-${stream}` }, echo);
  for (const group of keys("logs")) {
    app.cloudwatchLogsSubFilterHandler(
      { name: `l-${group.replaceAll("/", "_")}`, logGroupName: group },
      echo,
    );
  }
  app.emailReceiptHandler({ name: "email" }, echo);
  app.albTarget(async () => ({ statusCode: 200 }));
  app.cloudwatchEventHandler({ source: [{ exists: true }] }, { name: "rule" }, echo);
  return app;
}

const JSON_TEXT = Symbol("the JSON text in this string");
type Step = string | number | typeof JSON_TEXT;

/** Every place in the event, including inside JSON text (SQS bodies, SNS messages). */
function pathsOf(value: unknown, prefix: Step[] = []): Step[][] {
  const paths = [prefix];
  if (typeof value === "string") {
    const decoded = parseObject(value);
    if (decoded !== undefined) paths.push(...pathsOf(decoded, [...prefix, JSON_TEXT]));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      paths.push(...pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return paths;
}

function parseObject(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

const DELETE = Symbol("delete the field");
type Mutation = (value: unknown) => unknown;

/** A copy of `value` with `mutation` applied at `path` (re-encoding the JSON text it crosses). */
function mutateAt(value: unknown, path: readonly Step[], mutation: Mutation): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return mutation(value);
  if (step === JSON_TEXT)
    return JSON.stringify(mutateAt(JSON.parse(value as string), rest, mutation));
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const replaced = mutateAt(copy[step], rest, mutation);
  if (replaced === DELETE) delete copy[step];
  else copy[step] = replaced;
  return copy;
}

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant(() => DELETE),
  fc
    .constantFrom<unknown>(
      null,
      0,
      -1,
      1.5,
      true,
      "",
      "x",
      [],
      {},
      [{}],
      "{not json",
      "a".repeat(300_000),
    )
    .map((replacement) => () => replacement),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map(
      (cut) => (value: unknown) =>
        typeof value === "string" ? value.slice(0, Math.floor(value.length * cut)) : value,
    ),
);

const withinOneSecond = (work: Promise<unknown>) =>
  Promise.race([
    work,
    new Promise((_, reject) => setTimeout(() => reject(new Error("dispatch hangs")), 1000)),
  ]);

describe("app.handler on mutated fixtures", () => {
  const app = catchAll();

  it("fails only with DomovoiError subclasses, and never hangs", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: fixtures.length - 1 }),
        fc.nat(),
        mutations,
        async (which, where, mutation) => {
          const event = fixtures[which];
          const paths = pathsOf(event);
          const mutated = mutateAt(event, paths[where % paths.length]!, mutation);
          try {
            await withinOneSecond(
              app.handler(mutated === DELETE ? undefined : mutated, lambdaContext()),
            );
          } catch (error) {
            expect(error).toBeInstanceOf(DomovoiError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
