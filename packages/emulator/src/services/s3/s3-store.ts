import { Bucket } from "./bucket.js";
import { noSuchBucket } from "./s3-errors.js";
import { compareUtf8 } from "./sorted-keys.js";

/** The buckets of the emulated account; bucket names are unique across regions, as in AWS. */
export class S3Store {
  readonly #buckets = new Map<string, Bucket>();

  find(name: string): Bucket | undefined {
    return this.#buckets.get(name);
  }

  /** The bucket, or S3's `NoSuchBucket`. */
  bucket(name: string): Bucket {
    const bucket = this.#buckets.get(name);
    if (!bucket) throw noSuchBucket(name);
    return bucket;
  }

  create(name: string, region: string, creationDate: Date): Bucket {
    const bucket = new Bucket(name, region, creationDate);
    this.#buckets.set(name, bucket);
    return bucket;
  }

  delete(name: string): void {
    this.#buckets.delete(name);
  }

  /** Every bucket, by name as ListBuckets orders them. */
  list(): Bucket[] {
    return [...this.#buckets.values()].sort((a, b) => compareUtf8(a.name, b.name));
  }
}
