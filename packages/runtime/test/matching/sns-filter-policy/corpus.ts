import type {
  FilterPolicyApi,
  FilterPolicyScope,
  SnsMessageAttribute,
} from "@domovoi/runtime/matching";
import { it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";

const CORPUS_FILE = "sns-filter-policies.json";

type FlatPolicy = Readonly<Record<string, unknown>>;

export interface SnsFilterCorpus {
  readonly attributeMatching: {
    readonly cases: readonly {
      readonly name: string;
      readonly policy: object;
      // The Python test passes Number values as ints; SNS always delivers strings.
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
  readonly complexity: {
    readonly cases: readonly {
      readonly policy: object;
      readonly scope: FilterPolicyScope;
      readonly combinations: number;
    }[];
  };
  readonly flattenPayload: {
    readonly cases: readonly {
      readonly payload: object;
      readonly flatPolicy: readonly FlatPolicy[];
      readonly expected: readonly FlatPolicy[];
    }[];
  };
  readonly flattenPolicy: {
    readonly cases: readonly {
      readonly policy: object;
      readonly expected: readonly FlatPolicy[];
    }[];
  };
  readonly validation: {
    readonly cases: readonly {
      readonly name?: string;
      readonly origin: string;
      readonly api: string;
      readonly policy: object | null;
      readonly scope?: string;
      readonly attributeValue?: string;
      readonly expect: "error" | "valid";
      readonly errorCode?: string;
      readonly errorMessage?: string;
    }[];
  };
}

export const corpus = readCorpus<SnsFilterCorpus>(CORPUS_FILE);
const knownFailures = readKnownFailures(CORPUS_FILE);

/** `it`, or `it.fails` for a case listed in the known failures, so that it stays visible. */
export function runnerFor(caseId: string) {
  return knownFailures[caseId] === undefined ? it : it.fails;
}

/** The corpus names the API as recorded ("Subscribe (Attributes.FilterPolicy)"). */
export function corpusApi(api: string): FilterPolicyApi {
  return api.startsWith("Subscribe") ? "Subscribe" : "SetSubscriptionAttributes";
}

export function wireAttributes(
  attributes: SnsFilterCorpus["attributeMatching"]["cases"][number]["messageAttributes"],
): Record<string, SnsMessageAttribute> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, { Type, Value }]) => [
      name,
      { Type, Value: String(Value) },
    ]),
  );
}
