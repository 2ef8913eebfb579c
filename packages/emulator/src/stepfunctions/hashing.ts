import { createHash } from "node:crypto";

const ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: "md5",
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/** The algorithm names `States.Hash` and `$hash` accept. */
export const HASH_ALGORITHM_NAMES = Object.keys(ALGORITHMS);

/** The hex digest of UTF-8 `text`, or undefined for an algorithm Step Functions does not offer. */
export function hashText(text: string, algorithm: string): string | undefined {
  const name = Object.hasOwn(ALGORITHMS, algorithm) ? ALGORITHMS[algorithm] : undefined;
  return name === undefined ? undefined : createHash(name).update(text, "utf8").digest("hex");
}
