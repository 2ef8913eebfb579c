export * from "./clock/index.js";
export * from "./events/index.js";
export * from "./host/index.js";
export { DEFAULT_REGION, LOCAL_ACCOUNT_ID } from "./local-account.js";
