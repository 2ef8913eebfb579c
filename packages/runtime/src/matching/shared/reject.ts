/**
 * How an engine refuses an operand the shared Event Ruler grammar cannot accept. `reason` is
 * Event Ruler's own wording; the engine adds its service's prefix and error class.
 */
export type Reject = (reason: string) => never;
