export {
  compileEventPattern,
  type EventPattern,
  type EventPatternMatcher,
  validateEventPattern,
} from "./compile-event-pattern.js";
export { validateEvent } from "./event-validation.js";
export { testEventPattern } from "./test-event-pattern.js";
