import {
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";
import { failureOf, queueArn, REGION, useSnsEmulator } from "./harness.js";

const CORPUS_FILE = "sns-filter-policies.json";

interface SnsFilterCorpus {
  readonly attributeMatching: {
    readonly cases: readonly {
      readonly name: string;
      readonly policy: object;
      readonly messageAttributes: Readonly<
        Record<string, { Type: string; Value: string | number }>
      >;
      readonly expect: boolean;
    }[];
  };
  readonly bodyMatching: {
    readonly cases: readonly {
      readonly policy: object;
      readonly payload: unknown;
      readonly expect: boolean;
    }[];
  };
  readonly validation: {
    readonly cases: readonly {
      readonly name?: string;
      readonly origin: string;
      readonly api: string;
      readonly policy: object | null;
      readonly scope?: string;
      readonly attributeName?: string;
      readonly attributeValue?: string;
      readonly expect: "error" | "valid";
      readonly errorCode?: string;
      readonly errorMessage?: string;
    }[];
  };
}

const corpus = readCorpus<SnsFilterCorpus>(CORPUS_FILE);
// Case ids are the runtime's for the same cases, so one list of known failures serves both.
const knownFailures = readKnownFailures(CORPUS_FILE);
const runnerFor = (caseId: string) => (knownFailures[caseId] === undefined ? it : it.fails);

const emulator = useSnsEmulator();

function topicArn(): string {
  return emulator().backend.createTopic(REGION, "filtered").arn;
}

/**
 * The AWS-recorded validation cases, sent as the recordings did: in Subscribe's attributes, or
 * with SetSubscriptionAttributes on an existing subscription (scope first, then policy).
 */
describe("sns-filter-policies.json validation through Subscribe / SetSubscriptionAttributes", () => {
  corpus.validation.cases.forEach((testCase, index) => {
    const caseId = `validation[${index}] ${testCase.name ?? `valid: ${testCase.origin}`}`;
    runnerFor(caseId)(caseId, async () => {
      const { sns } = emulator();
      const TopicArn = topicArn();
      const policy = testCase.policy === null ? undefined : JSON.stringify(testCase.policy);
      let call: Promise<unknown>;
      if (testCase.api.startsWith("Subscribe")) {
        const Attributes = {
          ...(policy !== undefined && { FilterPolicy: policy }),
          ...(testCase.scope !== undefined && { FilterPolicyScope: testCase.scope }),
        };
        call = sns.send(
          new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: queueArn("q"), Attributes }),
        );
      } else {
        const { SubscriptionArn } = await sns.send(
          new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: queueArn("q") }),
        );
        const set = (AttributeName: string, AttributeValue: string) =>
          sns.send(
            new SetSubscriptionAttributesCommand({
              SubscriptionArn,
              AttributeName,
              AttributeValue,
            }),
          );
        call = (async () => {
          if (testCase.attributeName !== undefined) {
            await set(testCase.attributeName, testCase.attributeValue ?? "");
          }
          if (testCase.scope !== undefined) await set("FilterPolicyScope", testCase.scope);
          if (policy !== undefined) await set("FilterPolicy", policy);
        })();
      }
      if (testCase.expect === "valid") {
        await call;
        return;
      }
      expect(await failureOf(call)).toMatchObject({
        code: testCase.errorCode,
        message: testCase.errorMessage,
        status: 400,
      });
    });
  });
});

describe("sns-filter-policies.json attributeMatching through Publish and delivery", () => {
  corpus.attributeMatching.cases.forEach((testCase, index) => {
    const caseId = `attributeMatching[${index}] ${testCase.name}`;
    runnerFor(caseId)(caseId, async () => {
      const { sns, queues, deliver } = emulator();
      const TopicArn = topicArn();
      await sns.send(
        new SubscribeCommand({
          TopicArn,
          Protocol: "sqs",
          Endpoint: queueArn("q"),
          Attributes: { FilterPolicy: JSON.stringify(testCase.policy) },
        }),
      );
      const MessageAttributes = Object.fromEntries(
        Object.entries(testCase.messageAttributes).map(([name, { Type, Value }]) => [
          name,
          { DataType: Type, StringValue: String(Value) },
        ]),
      );
      await sns.send(new PublishCommand({ TopicArn, Message: "m", MessageAttributes }));
      await deliver();
      expect(queues.sent.length === 1).toBe(testCase.expect);
    });
  });
});

describe("sns-filter-policies.json bodyMatching through Publish and delivery", () => {
  corpus.bodyMatching.cases.forEach((testCase, index) => {
    const caseId = `bodyMatching[${index}] ${JSON.stringify(testCase.policy)} on ${JSON.stringify(testCase.payload)}`;
    runnerFor(caseId)(caseId, async () => {
      const { sns, queues, deliver } = emulator();
      const TopicArn = topicArn();
      await sns.send(
        new SubscribeCommand({
          TopicArn,
          Protocol: "sqs",
          Endpoint: queueArn("q"),
          Attributes: {
            FilterPolicy: JSON.stringify(testCase.policy),
            FilterPolicyScope: "MessageBody",
          },
        }),
      );
      await sns.send(new PublishCommand({ TopicArn, Message: JSON.stringify(testCase.payload) }));
      await deliver();
      expect(queues.sent.length === 1).toBe(testCase.expect);
    });
  });
});
