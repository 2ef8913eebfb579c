// The opt-in capture of production events: tiny and dependency-free, since the Lambda entry
// imports it; the reader side is tree-shaken out of bundles that do not use it.
export {
  CAPTURE_CHUNK_LENGTH,
  type CaptureOptions,
  captureEvents,
} from "./capture-events.js";
export { CAPTURE_FORMAT_VERSION, CAPTURE_KEY, type CapturePart } from "./capture-line.js";
export { type CapturedEvent, type Reassembly, reassembleCaptures } from "./reassemble.js";
