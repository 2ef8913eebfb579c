export * from "./clock/index.js";
export * from "./events/index.js";
export * from "./host/index.js";
