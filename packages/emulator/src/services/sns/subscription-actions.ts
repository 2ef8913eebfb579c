import { xmlElements } from "../protocols/xml.js";
import { type ActionRequest, type SnsAction, topicParam } from "./action.js";
import { topicOfSubscription } from "./arns.js";
import { page } from "./pagination.js";
import { element, entries, members } from "./query-xml.js";
import type { SnsSubscription } from "./subscription.js";

/** What Subscribe answers for a subscription waiting for its endpoint's confirmation. */
const PENDING_ARN = "pending confirmation";

export const SUBSCRIPTION_ACTIONS: Readonly<Record<string, SnsAction>> = {
  Subscribe(request) {
    const { backend, params } = request;
    const subscription = backend.subscribe(
      topicParam(request),
      params.string("Protocol"),
      params.optionalString("Endpoint") ?? "",
      params.stringMap("Attributes"),
    );
    const showArn = subscription.confirmed || params.optionalBoolean("ReturnSubscriptionArn");
    return xmlElements({ SubscriptionArn: showArn ? subscription.arn : PENDING_ARN });
  },

  /** Unsubscribing from a subscription that does not exist (any more) succeeds. */
  Unsubscribe({ backend, params, region }) {
    const arn = params.string("SubscriptionArn");
    topicOfSubscription(arn, region);
    const subscription = backend.findSubscription(arn);
    if (subscription) backend.unsubscribe(subscription);
    return undefined;
  },

  GetSubscriptionAttributes(request) {
    return element("Attributes", entries(subscriptionParam(request).attributes()));
  },

  SetSubscriptionAttributes(request) {
    const { backend, params } = request;
    backend.setSubscriptionAttribute(
      subscriptionParam(request),
      params.string("AttributeName"),
      params.optionalString("AttributeValue") ?? "",
    );
    return undefined;
  },

  ListSubscriptions({ backend, params, region }) {
    return subscriptionsPage(backend.subscriptions(region), params.optionalString("NextToken"));
  },

  ListSubscriptionsByTopic(request) {
    const topic = topicParam(request);
    return subscriptionsPage(
      [...topic.subscriptions.values()],
      request.params.optionalString("NextToken"),
    );
  },
};

function subscriptionParam({ backend, params, region }: ActionRequest): SnsSubscription {
  const arn = params.string("SubscriptionArn");
  topicOfSubscription(arn, region);
  return backend.subscription(arn);
}

function subscriptionsPage(subscriptions: readonly SnsSubscription[], token: string | undefined) {
  const { items, nextToken } = page(subscriptions, token);
  return (
    element("Subscriptions", members(items.map((subscription) => subscription.listing()))) +
    xmlElements({ NextToken: nextToken })
  );
}
