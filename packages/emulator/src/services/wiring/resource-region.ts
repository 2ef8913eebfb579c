import { DomovoiError } from "@domovoi/runtime";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";

/** A registration names its resource by the ARN of an account the emulator does not play. */
export class ForeignResourceError extends DomovoiError {}

/**
 * The region of a registration's resource: the stage's for one given by name, the ARN's for one
 * given by ARN, which must be of the emulator's account since no other exists locally.
 */
export function resourceRegion(arn: string | undefined, stageRegion: string): string {
  if (arn === undefined) return stageRegion;
  const [, , , region = "", account = ""] = arn.split(":");
  if (account !== LOCAL_ACCOUNT_ID) {
    throw new ForeignResourceError(
      `${arn} belongs to account ${account}; the emulator has only account ${LOCAL_ACCOUNT_ID}: name the resource instead, or use an ARN of that account.`,
    );
  }
  return region;
}
