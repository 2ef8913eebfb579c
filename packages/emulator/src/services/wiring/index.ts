/**
 * The composition of the emulated services: each instantiated once, connected to the others as
 * AWS connects them, with the app's resources created from its manifest.
 */

export { EmulatedAws, type EmulatedAwsOptions } from "./emulated-aws.js";
export { forwardFunctionLogs } from "./function-logs.js";
export type { AppFunction, ServiceBackends } from "./provision-context.js";
export { ForeignResourceError } from "./resource-region.js";
export { NoEventBridgeEventsError } from "./s3-event-pattern.js";
export { SENDER_IDS } from "./sender-ids.js";
export { DEFAULT_TABLE } from "./table-provisioning.js";
