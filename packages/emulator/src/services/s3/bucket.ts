import type { MultipartUpload } from "./multipart-upload.js";
import { type BucketNotifications, NO_NOTIFICATIONS } from "./notification-configuration.js";
import { SortedKeys } from "./sorted-keys.js";
import type { StoredObject } from "./stored-object.js";

/** One bucket: its objects in listing order, its multipart uploads and its notifications. */
export class Bucket {
  readonly name: string;
  readonly region: string;
  readonly creationDate: Date;
  readonly uploads = new Map<string, MultipartUpload>();
  notifications: BucketNotifications = NO_NOTIFICATIONS;
  readonly #objects = new Map<string, StoredObject>();
  readonly #keys = new SortedKeys();

  constructor(name: string, region: string, creationDate: Date) {
    this.name = name;
    this.region = region;
    this.creationDate = creationDate;
  }

  get objectCount(): number {
    return this.#objects.size;
  }

  getObject(key: string): StoredObject | undefined {
    return this.#objects.get(key);
  }

  putObject(object: StoredObject): void {
    if (!this.#objects.has(object.key)) this.#keys.add(object.key);
    this.#objects.set(object.key, object);
  }

  /** Whether there was an object to delete. */
  deleteObject(key: string): boolean {
    if (!this.#objects.delete(key)) return false;
    this.#keys.delete(key);
    return true;
  }

  /** The objects from the key `start` on, in S3's listing order. */
  *objectsFrom(start: string, inclusive: boolean): IterableIterator<StoredObject> {
    for (const key of this.#keys.from(start, inclusive)) yield this.#objects.get(key)!;
  }
}
