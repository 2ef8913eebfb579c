import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Context } from "aws-lambda";
import { generateEvent } from "../packages/emulator/src/events/index.js";
import type { Domovoi } from "../packages/runtime/src/index.js";
import { importBundledRuntime } from "./lambda-bundle.js";
import { type BenchResult, formatResults, measure } from "./measure.js";

/**
 * What recognising and routing an event costs: `app.handler` against calling the handler
 * directly, against aws-lambda-router (SQS, SNS and S3, the sources it routes), and against a
 * detector that tries the @aws-lambda-powertools/parser schema of each source in turn with
 * `safeParse`, then calls the handler of the first that fits.
 */

const PEERS = resolve(dirname(fileURLToPath(import.meta.url)), "peers");
const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
// Every generated event is the same on every run.
const GENERATOR_OPTIONS = {
  region: REGION,
  account: ACCOUNT,
  now: () => new Date("2024-06-01T12:00:00.000Z"),
  randomUUID: () => "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
};
/** About this long per timed round, so that rounds of fast and slow dispatchers compare. */
const ROUND_SECONDS = 0.05;
const POWERTOOLS_TARGET = 10;

type Kind = "sqs" | "sns" | "s3" | "dynamodb" | "eventbridge" | "logs";
type Invoke = (event: unknown) => Promise<unknown>;

interface Workload {
  readonly title: string;
  readonly kind: Kind;
  readonly event: unknown;
}

const ORDER = { orderId: "ORD-4711", customer: { id: "C-17", tier: "gold" }, amount: 42.5 };

function workloads(): Workload[] {
  const message = (index: number) => ({ body: { ...ORDER, line: index } });
  const make = (kind: string, params: unknown) => generateEvent(kind, params, GENERATOR_OPTIONS);
  return [
    { title: "SQS, 1 record", kind: "sqs", event: make("sqs", { queue: "orders", ...message(0) }) },
    {
      title: "SQS, 10 records",
      kind: "sqs",
      event: make("sqs", {
        queue: "orders",
        messages: Array.from({ length: 10 }, (_, i) => message(i)),
      }),
    },
    { title: "SNS", kind: "sns", event: make("sns", { topic: "order-events", message: ORDER }) },
    {
      title: "S3",
      kind: "s3",
      event: make("s3", { bucket: "uploads-bucket", key: "incoming/report.csv", size: 1024 }),
    },
    {
      title: "DynamoDB",
      kind: "dynamodb",
      event: make("dynamodb", { table: "Orders", newItem: { id: "ORD-4711", ...ORDER } }),
    },
    {
      title: "EventBridge",
      kind: "eventbridge",
      event: make("eventbridge", {
        source: "com.example.orders",
        detailType: "Order Placed",
        detail: ORDER,
      }),
    },
    {
      title: "CloudWatch Logs",
      kind: "logs",
      event: make("logs", {
        logGroup: "/aws/lambda/checkout",
        messages: ["START", JSON.stringify(ORDER), "END"],
      }),
    },
  ];
}

const ALL: readonly Kind[] = ["sqs", "sns", "s3", "dynamodb", "eventbridge", "logs"];

/** The benchmarked handler of each source, counting its calls so that routes can be checked. */
interface Handlers {
  readonly calls: Record<Kind, number>;
  readonly of: Readonly<Record<Kind, Invoke>>;
}

function countingHandlers(): Handlers {
  const calls = Object.fromEntries(ALL.map((kind) => [kind, 0])) as Record<Kind, number>;
  const handler =
    (kind: Kind): Invoke =>
    async () => {
      calls[kind]++;
    };
  return {
    calls,
    of: Object.fromEntries(ALL.map((kind) => [kind, handler(kind)])) as Handlers["of"],
  };
}

type Runtime = typeof import("../packages/runtime/src/index.js");

/** An app shaped like a real one: the benchmarked routes among others of each kind. */
function domovoiApp({ Domovoi }: Runtime, handlers: Handlers): Domovoi {
  const app = new Domovoi({ name: "bench" });
  for (const queue of ["audit", "emails", "invoices"]) {
    app.sqsQueueSubscriber(queue, async () => {});
  }
  app.sqsQueueSubscriber("orders", handlers.of.sqs);
  app.snsTopicSubscriber("alerts", async function alerts() {});
  app.snsTopicSubscriber("order-events", handlers.of.sns);
  app.s3EventHandler({ bucket: "uploads-bucket", prefix: "archive/" }, async function archive() {});
  app.s3EventHandler({ bucket: "uploads-bucket", prefix: "incoming/" }, handlers.of.s3);
  app.dynamodbStreamHandler("Customers", async function customers() {});
  app.dynamodbStreamHandler("Orders", handlers.of.dynamodb);
  app.cloudwatchEventHandler({ source: ["aws.ecs"] }, async function ecs() {});
  app.cloudwatchEventHandler(
    { source: ["com.example.payments"], detail: { amount: [{ numeric: [">", 100] }] } },
    async function payments() {},
  );
  app.cloudwatchEventHandler(
    { source: ["com.example.orders"], "detail-type": ["Order Placed"] },
    handlers.of.eventbridge,
  );
  app.scheduledFunction("rate(5 minutes)", async function tick() {});
  app.cloudwatchLogsSubFilterHandler({ logGroupName: "/aws/lambda/checkout" }, handlers.of.logs);
  return app;
}

const LAMBDA_CONTEXT = {
  functionName: "bench-prod",
  invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:bench-prod`,
  awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e812345678",
} as Context;

interface LambdaRouter {
  handler(config: unknown): (event: unknown, context: unknown) => Promise<unknown>;
}

interface ZodSchema {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/** Peers install on demand outside the workspace, as in event-pattern.ts. */
function requirePeers(): { router: LambdaRouter; schemas: Record<string, ZodSchema> } {
  const require = createRequire(resolve(PEERS, "package.json"));
  const installed = ["aws-lambda-router", "@aws-lambda-powertools/parser", "zod"].every((name) =>
    existsSync(resolve(PEERS, "node_modules", name)),
  );
  if (!installed) {
    execFileSync("npm", ["install", "--prefix", PEERS, "--no-audit", "--no-fund"], {
      stdio: "inherit",
    });
  }
  return {
    router: require("aws-lambda-router") as LambdaRouter,
    schemas: require("@aws-lambda-powertools/parser/schemas") as Record<string, ZodSchema>,
  };
}

/** aws-lambda-router routes SQS by queue ARN, SNS by subject, S3 by bucket, event and prefix. */
function routerHandler(router: LambdaRouter, handlers: Handlers): Invoke {
  const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
  const handle = router.handler({
    sqs: {
      routes: [
        ...["audit", "emails", "invoices"].map((queue) => ({
          source: queueArn(queue),
          action: async () => {},
        })),
        { source: queueArn("orders"), action: handlers.of.sqs },
      ],
    },
    // It can tell topics apart only by the messages' subjects; these have none.
    sns: { routes: [{ subject: /.*/, action: handlers.of.sns }] },
    s3: {
      routes: [
        { bucketName: "uploads-bucket", objectKeyPrefix: "archive/", action: async () => {} },
        {
          bucketName: "uploads-bucket",
          eventName: /^ObjectCreated:/,
          objectKeyPrefix: "incoming/",
          action: handlers.of.s3,
        },
      ],
    },
  });
  return (event) => handle(event, LAMBDA_CONTEXT);
}

/** The order in which the detector tries the schemas; the first that parses picks the handler. */
const POWERTOOLS_ORDER: readonly (readonly [schema: string, kind: Kind])[] = [
  ["SqsSchema", "sqs"],
  ["SnsSchema", "sns"],
  ["S3Schema", "s3"],
  ["DynamoDBStreamSchema", "dynamodb"],
  ["EventBridgeSchema", "eventbridge"],
  ["CloudWatchLogsSchema", "logs"],
];

function powertoolsHandler(schemas: Record<string, ZodSchema>, handlers: Handlers): Invoke {
  const bySource = POWERTOOLS_ORDER.map(([name, kind]) => [schemas[name]!, kind] as const);
  return async (event) => {
    for (const [schema, kind] of bySource) {
      const parsed = schema.safeParse(event);
      if (parsed.success) return handlers.of[kind](parsed.data);
    }
    throw new Error("No schema fits the event");
  };
}

interface Contender {
  readonly name: string;
  readonly kinds: readonly Kind[];
  readonly invoke: Invoke;
}

interface Peer extends Contender {
  /** How many times the peer's throughput app.handler is to reach. */
  readonly target: number;
  readonly describe: (load: Workload) => string;
}

/** Operations per second, for `invoke` on one event, with rounds of about ROUND_SECONDS. */
async function throughput(name: string, invoke: Invoke, event: unknown): Promise<BenchResult> {
  let calibration = 0;
  const start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) < 20e6) {
    await invoke(event);
    calibration++;
  }
  const opsPerRound = Math.max(1, Math.round((calibration / 0.02) * ROUND_SECONDS));
  return measure(
    name,
    async () => {
      for (let i = 0; i < opsPerRound; i++) await invoke(event);
    },
    { opsPerRound },
  );
}

/** Fails the run unless each contender reaches the handler of the event's own source. */
async function checkRouting(contenders: readonly Contender[], handlers: Handlers, load: Workload) {
  for (const contender of contenders) {
    const before = { ...handlers.calls };
    await contender.invoke(load.event);
    const reached = (Object.keys(before) as Kind[]).filter((k) => handlers.calls[k] > before[k]);
    if (reached.length !== 1 || reached[0] !== load.kind) {
      throw new Error(`${contender.name} sent ${load.title} to ${reached.join(", ") || "nothing"}`);
    }
  }
}

/** One event's figures: the direct call, app.handler, and each peer that handles the source. */
interface Measured {
  readonly load: Workload;
  readonly direct: BenchResult;
  readonly ours: BenchResult;
  readonly peers: ReadonlyMap<Peer, BenchResult>;
}

export const DISPATCH_TITLE =
  "Dispatch of one event (ops/s: events handled per second; the runtime bundled by esbuild)";

/** The printed report of `npm run bench -- dispatch`, under DISPATCH_TITLE. */
export async function reportDispatch(): Promise<string> {
  const { router, schemas } = requirePeers();
  const work = mkdtempSync(join(tmpdir(), "domovoi-dispatch-"));
  try {
    const handlers = countingHandlers();
    const app = domovoiApp(await importBundledRuntime<Runtime>(work), handlers);
    const ours: Contender = {
      name: "app.handler",
      kinds: ALL,
      invoke: (event) => app.handler(event, LAMBDA_CONTEXT),
    };
    const peers: Peer[] = [
      {
        name: "aws-lambda-router",
        kinds: ["sqs", "sns", "s3"],
        invoke: routerHandler(router, handlers),
        target: 1,
        describe: () => "",
      },
      {
        name: "Powertools parser, safeParse per schema",
        kinds: ALL,
        invoke: powertoolsHandler(schemas, handlers),
        target: POWERTOOLS_TARGET,
        describe: (load) => {
          const position = POWERTOOLS_ORDER.findIndex(([, kind]) => kind === load.kind) + 1;
          return `; schema ${position} of ${POWERTOOLS_ORDER.length} fits`;
        },
      },
    ];
    const measured: Measured[] = [];
    for (const load of workloads()) {
      const competing = peers.filter(({ kinds }) => kinds.includes(load.kind));
      await checkRouting([ours, ...competing], handlers, load);
      const direct = await throughput(
        "handler called directly",
        handlers.of[load.kind],
        load.event,
      );
      const dispatched = await throughput(ours.name, ours.invoke, load.event);
      const results = new Map<Peer, BenchResult>();
      for (const peer of competing) {
        results.set(peer, await throughput(peer.name, peer.invoke, load.event));
      }
      measured.push({ load, direct, ours: dispatched, peers: results });
    }
    return [
      "",
      ...measured.flatMap((figures) => [eventBlock(figures), ""]),
      ...peers.flatMap((peer) => [...targetLines(peer, measured), ""]),
    ].join("\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function eventBlock({ load, direct, ours, peers }: Measured): string {
  const overhead = (1 / ours.opsPerSec - 1 / direct.opsPerSec) * 1e6;
  const rows = [
    direct,
    { ...ours, note: `${overhead.toFixed(2)} µs per event over the direct call` },
  ];
  for (const [peer, result] of peers) {
    const times = ours.opsPerSec / result.opsPerSec;
    rows.push({
      ...result,
      note: `app.handler does ${times.toFixed(1)}x as many${peer.describe(load)}`,
    });
  }
  return formatResults(load.title, rows);
}

/**
 * app.handler's throughput over the peer's for each event and for the mix of them all (each
 * event handled once). Where the target times the peer exceeds calling the handler directly, no
 * dispatcher can reach it, and the line says so.
 */
function targetLines(peer: Peer, measured: readonly Measured[]): string[] {
  const compared = measured.filter((figures) => figures.peers.has(peer));
  const line = (title: string, ours: number, theirs: number, direct: number) => {
    const times = ours / theirs;
    const verdict = times >= peer.target ? "met" : "missed";
    const bound =
      theirs * peer.target > direct
        ? ` (at most ${(direct / theirs).toFixed(1)}x: the direct call's rate)`
        : "";
    return `  ${title.padEnd(22)} ${times.toFixed(1).padStart(6)}x  ${verdict}${bound}`;
  };
  const mix = (pick: (figures: Measured) => BenchResult) =>
    compared.length / compared.reduce((sum, figures) => sum + 1 / pick(figures).opsPerSec, 0);
  return [
    `app.handler against ${peer.name} (target: at least ${peer.target}x)`,
    ...compared.map((figures) =>
      line(
        figures.load.title,
        figures.ours.opsPerSec,
        figures.peers.get(peer)!.opsPerSec,
        figures.direct.opsPerSec,
      ),
    ),
    line(
      `mix of these ${compared.length} events`,
      mix((figures) => figures.ours),
      mix((figures) => figures.peers.get(peer)!),
      mix((figures) => figures.direct),
    ),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`${DISPATCH_TITLE}\n${await reportDispatch()}`);
}
