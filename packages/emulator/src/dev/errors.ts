import { DomovoiError } from "@domovoi/runtime";

/** The port `domovoi dev` was to listen on is taken. */
export class PortInUseError extends DomovoiError {
  readonly port: number;

  constructor(host: string, port: number, options?: ErrorOptions) {
    super(
      `Port ${port} of ${host} is in use (another domovoi dev?): choose another with --port, or --port 0 for any free one.`,
      options,
    );
    this.port = port;
  }
}
