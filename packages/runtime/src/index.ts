export { DomovoiError } from "./errors.js";
