import { DomovoiError } from "../../errors.js";

/**
 * S3 notifications carry the object key URL-encoded in `application/x-www-form-urlencoded` style
 * (a space becomes `+`), leaving `/` and the characters `A-Z a-z 0-9 - _ . *` as they are. Filter
 * values are compared against this form, which is why AWS asks users to write them encoded.
 */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+")
    .replace(/%2F/g, "/");
}

/** The inverse of {@link encodeS3EventKey}: the object key a notification names. */
export function decodeS3EventKey(encodedKey: string): string {
  try {
    return decodeURIComponent(encodedKey.replace(/\+/g, " "));
  } catch (cause) {
    throw new DomovoiError(
      `S3 object key ${JSON.stringify(encodedKey)} is not valid URL-encoded text.`,
      { cause },
    );
  }
}
