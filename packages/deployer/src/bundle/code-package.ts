import { createHash } from "node:crypto";
import { type BundleOptions, bundleApp } from "./bundle-app.js";
import { stagedFiles } from "./domovoilib.js";
import { createZip } from "./zip.js";

/** The deployment package and its SHA-256 as Lambda reports it (`CodeSha256`, base64). */
export interface CodePackage {
  readonly zip: Buffer;
  readonly sha256: string;
}

export async function buildCodePackage(options: BundleOptions): Promise<CodePackage> {
  const entries = [...(await bundleApp(options)), ...(await stagedFiles(options.projectDir))];
  const zip = createZip(entries);
  return { zip, sha256: createHash("sha256").update(zip).digest("base64") };
}
