import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileEventPattern } from "../packages/runtime/src/matching/event-pattern/index.js";
import { referenceMatches } from "../packages/runtime/test/matching/event-pattern/reference.js";
import { type BenchResult, formatResults, measure, seededRandom } from "./measure.js";

export type { BenchResult } from "./measure.js";

const PATTERN_COUNT = 50;
const EVENT_COUNT = 10_000;
// The slow engines run on the first events only, so that a run takes seconds, not minutes.
const INTERPRETED_EVENTS = 2_000;
const PEER_EVENTS = 500;
const PEERS = resolve(dirname(fileURLToPath(import.meta.url)), "peers");

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Event = { [key: string]: Json; detail: { [key: string]: Json } };
type Pattern = { [key: string]: Json };

const SOURCES = ["custom.orders", "custom.payments", "custom.shipping", "aws.ec2", "aws.s3"];
const DETAIL_TYPES = [
  "Order Placed",
  "Order Shipped",
  "Payment Failed",
  "State Change",
  "Object Created",
];
const STATES = ["pending", "running", "stopping", "stopped", "shipped", "failed"];
const TIERS = ["bronze", "silver", "gold", "platinum"];
const CURRENCIES = ["USD", "EUR", "GBP", "JPY"];
const TAGS = ["priority", "gift", "fragile", "bulk", "internal"];

/** A workload shaped like an application's bus: a few sources, typed details, nested fields. */
function generateWorkload(): { patterns: Pattern[]; events: Event[] } {
  const random = seededRandom(20_240_601);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const amount = () => Math.round(random() * 100_000) / 100;
  const templates: (() => Pattern)[] = [
    () => ({ source: [pick(SOURCES)], "detail-type": [pick(DETAIL_TYPES)] }),
    () => ({ source: [pick(SOURCES)], detail: { state: [pick(STATES), pick(STATES)] } }),
    () => {
      const low = amount();
      return {
        source: [{ prefix: "custom." }],
        detail: {
          amount: [{ numeric: [">", low, "<=", Math.round((low + amount()) * 100) / 100] }],
        },
      };
    },
    () => ({ source: [pick(SOURCES)], detail: { customer: { tier: [pick(TIERS), pick(TIERS)] } } }),
    () => ({
      "detail-type": [pick(DETAIL_TYPES)],
      detail: { currency: [{ "anything-but": ["USD"] }] },
    }),
    () => ({
      source: [pick(SOURCES)],
      detail: { orderId: [{ prefix: `ORD-${Math.floor(random() * 10)}` }] },
    }),
    () => ({
      source: [pick(SOURCES)],
      detail: { state: [{ "equals-ignore-case": pick(STATES).toUpperCase() }] },
    }),
    () => ({ source: [pick(SOURCES)], detail: { couponCode: [{ exists: false }] } }),
    () => ({ source: [pick(SOURCES)], detail: { tags: [pick(TAGS)] } }),
    () => ({
      source: [pick(SOURCES)],
      detail: {
        state: [{ suffix: "ing" }],
        quantity: [{ numeric: [">=", Math.floor(random() * 10)] }],
      },
    }),
  ];
  const patterns = Array.from({ length: PATTERN_COUNT }, (_, index) =>
    templates[index % templates.length]!(),
  );
  const events = Array.from({ length: EVENT_COUNT }, (_, index): Event => {
    const detail: Event["detail"] = {
      orderId: `ORD-${Math.floor(random() * 100_000)}`,
      state: pick(STATES),
      amount: amount(),
      quantity: Math.floor(random() * 20),
      currency: pick(CURRENCIES),
      customer: { id: `C-${Math.floor(random() * 5000)}`, tier: pick(TIERS), country: "DE" },
      tags: [pick(TAGS), pick(TAGS)],
    };
    if (random() < 0.3) detail.couponCode = `SAVE${Math.floor(random() * 50)}`;
    return {
      version: "0",
      id: `00000000-0000-0000-0000-${String(index).padStart(12, "0")}`,
      "detail-type": pick(DETAIL_TYPES),
      source: pick(SOURCES),
      account: "123456789012",
      time: "2024-06-01T12:00:00Z",
      region: "eu-west-1",
      resources: [],
      detail,
    };
  });
  return { patterns, events };
}

interface PeerPlugin {
  verifyIsSubscribed(subscriber: unknown, entry: unknown): boolean;
}

/**
 * serverless-offline-aws-eventbridge, installed on demand outside the workspace. Its plugin
 * constructor only stores its arguments, and `verifyIsSubscribed` reads nothing but the
 * subscriber's pattern and the PutEvents entry (logging is off while no config is loaded).
 */
function loadPeer(): PeerPlugin {
  if (!existsSync(resolve(PEERS, "node_modules"))) {
    execFileSync("npm", ["install", "--prefix", PEERS, "--no-audit", "--no-fund"], {
      stdio: "inherit",
    });
  }
  const require = createRequire(resolve(PEERS, "package.json"));
  const Plugin = require("serverless-offline-aws-eventbridge") as new (
    ...args: unknown[]
  ) => PeerPlugin;
  return new Plugin({ service: { custom: {}, provider: {} } }, {}, { log: { notice() {} } });
}

/** Matches per second over every (event, pattern) pair, for each engine, in one run. */
export async function benchEventPatterns(): Promise<BenchResult[]> {
  const { patterns, events } = generateWorkload();
  const peer = loadPeer();
  const pairs = PATTERN_COUNT * EVENT_COUNT;
  const eachPair =
    (match: PairMatcher, eventCount = EVENT_COUNT) =>
    () => {
      let matched = 0;
      for (let event = 0; event < eventCount; event++) {
        for (let pattern = 0; pattern < PATTERN_COUNT; pattern++) {
          if (match(pattern, event)) matched++;
        }
      }
      return matched;
    };

  const matchers = patterns.map((pattern) => compileEventPattern(pattern));
  const compiled = eachPair((pattern, event) => matchers[pattern]!(events[event]));

  const texts = events.map((event) => JSON.stringify(event));
  const fromText = () => {
    for (const text of texts) {
      const event: unknown = JSON.parse(text);
      for (const matches of matchers) matches(event);
    }
  };

  const interpreted = eachPair(
    (pattern, event) => referenceMatches(patterns[pattern]!, events[event]!),
    INTERPRETED_EVENTS,
  );

  const subscribers = patterns.map((pattern, index) => ({
    functionKey: `f${index}`,
    event: { pattern },
  }));
  // The plugin receives PutEvents entries, whose Detail is JSON text that it parses per check.
  const entries = events.map((event) => ({
    Source: event.source,
    DetailType: event["detail-type"],
    Detail: JSON.stringify(event.detail),
  }));
  const peerMatch: PairMatcher = (pattern, event) =>
    peer.verifyIsSubscribed(subscribers[pattern], entries[event]);
  const peerMatches = eachPair(peerMatch, PEER_EVENTS);

  const matchCount = compiled();
  const disagreements = countDisagreements(
    (pattern, event) => matchers[pattern]!(events[event]),
    peerMatch,
    PEER_EVENTS,
  );
  const results = [
    await measure("compiled matchers", compiled, { opsPerRound: pairs, rounds: 5 }),
    await measure("compiled, each event parsed from JSON once", fromText, {
      opsPerRound: pairs,
      rounds: 5,
    }),
    await measure("interpreted (test reference evaluator)", interpreted, {
      opsPerRound: PATTERN_COUNT * INTERPRETED_EVENTS,
      rounds: 3,
      warmupRounds: 1,
    }),
    await measure("serverless-offline-aws-eventbridge verifyIsSubscribed", peerMatches, {
      opsPerRound: PATTERN_COUNT * PEER_EVENTS,
      rounds: 3,
      warmupRounds: 1,
    }),
  ];
  const [fast, , reference, slow] = results as [BenchResult, BenchResult, BenchResult, BenchResult];
  fast.note = `${ratio(fast, slow)} the peer, ${ratio(fast, reference)} the interpreter; ${matchCount} of ${pairs} pairs match`;
  reference.note = `first ${INTERPRETED_EVENTS} events`;
  slow.note = `first ${PEER_EVENTS} events; disagrees with the compiled matchers on ${disagreements} of ${PATTERN_COUNT * PEER_EVENTS} pairs`;
  return results;
}

type PairMatcher = (pattern: number, event: number) => boolean;

function countDisagreements(ours: PairMatcher, theirs: PairMatcher, eventCount: number): number {
  let count = 0;
  for (let event = 0; event < eventCount; event++) {
    for (let pattern = 0; pattern < PATTERN_COUNT; pattern++) {
      if (ours(pattern, event) !== theirs(pattern, event)) count++;
    }
  }
  return count;
}

function ratio(a: BenchResult, b: BenchResult): string {
  return `${(a.opsPerSec / b.opsPerSec).toFixed(1)}x`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(
    formatResults("Event patterns (50 rules x 10,000 events)", await benchEventPatterns()),
  );
}
