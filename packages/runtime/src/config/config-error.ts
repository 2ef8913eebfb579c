import { DomovoiError } from "../errors.js";

/** `.domovoi/config.json` or a policy file is not what Domovoi expects; `path` names the key. */
export class ConfigError extends DomovoiError {
  readonly file: string;
  readonly path: string;

  constructor(file: string, path: string, message: string, options?: ErrorOptions) {
    super(`${file}: ${path ? `${path}: ` : ""}${message}`, options);
    this.file = file;
    this.path = path;
  }
}
