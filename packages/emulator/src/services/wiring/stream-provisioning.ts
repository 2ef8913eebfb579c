import type { KinesisRegistration } from "@domovoi/runtime";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { kinesisEventSourceMapping } from "../kinesis/index.js";
import { messageOf, type Provisioner } from "./provision-context.js";
import { resourceRegion } from "./resource-region.js";

/**
 * A `kinesisStreamHandler`: its stream (with the registration's shard count; one that exists is
 * used as it is) and the stream's event source mapping.
 */
export const provisionStreamHandler: Provisioner<KinesisRegistration> = (registration, context) => {
  const { options } = registration;
  const { kinesis } = context.backends;
  const region = resourceRegion(options.streamArn, context.region);
  const streamName = registration.key;
  if (!kinesis.findStream(region, streamName)) {
    kinesis.createStream(region, streamName, options.shardCount);
  }
  const mapping = kinesisEventSourceMapping({
    backend: kinesis,
    region,
    streamName,
    invoker: context.appFunction.invoker,
    functionArn: context.functionArn,
    roleArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/${context.names.functionRole}`,
    config: options,
    onError: (error) =>
      context.warn(`The stream mapping of stream ${streamName} failed: ${messageOf(error)}`),
  });
  mapping.start();
  return { stop: () => mapping.stop() };
};
