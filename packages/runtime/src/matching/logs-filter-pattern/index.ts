export { compileLogsFilterPattern, validateLogsFilterPattern } from "./compile-pattern.js";
export type { LogsFilterMatch, LogsFilterMatcher } from "./match.js";
