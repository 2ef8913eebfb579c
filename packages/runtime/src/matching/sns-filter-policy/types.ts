/** Which part of a published message a subscription's filter policy is evaluated against. */
export type FilterPolicyScope = "MessageAttributes" | "MessageBody";

/** The SNS action that carries the policy; it only changes the wording of validation errors. */
export type FilterPolicyApi = "Subscribe" | "SetSubscriptionAttributes";

/** A filter policy as SNS receives it (JSON text) or already parsed. */
export type FilterPolicyDocument = string | object;

export interface FilterPolicyOptions {
  /** Defaults to `MessageAttributes`, as for a subscription without `FilterPolicyScope`. */
  readonly scope?: FilterPolicyScope;
  /** Defaults to `Subscribe`. */
  readonly api?: FilterPolicyApi;
}

/** A message attribute as SNS delivers it: `Type` is `String`, `String.Array`, `Number` or `Binary`, with an optional `.custom` suffix. */
export interface SnsMessageAttribute {
  readonly Type: string;
  readonly Value: string;
}

/** The parts of a published message a filter policy can look at. */
export interface SnsFilterInput {
  readonly messageAttributes?: Readonly<Record<string, SnsMessageAttribute>>;
  /** The body exactly as published; `MessageBody` policies only match JSON objects. */
  readonly message?: string;
}

export type FilterPolicyMatcher = (message: SnsFilterInput) => boolean;
