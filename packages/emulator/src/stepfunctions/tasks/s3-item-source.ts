/** An object as S3's `ListObjectsV2` lists it. */
export interface S3ObjectSummary {
  readonly key: string;
  readonly size: number;
  readonly eTag: string;
  readonly lastModified: Date;
  readonly storageClass?: string;
}

/**
 * Where a distributed Map's `ItemReader` reads its items: the SFN service wires it to the
 * emulated S3. A missing bucket or object rejects, which fails the Map with
 * `States.ItemReaderFailed`.
 */
export interface S3ItemSource {
  getObject(bucket: string, key: string, versionId?: string): Promise<string>;
  listObjects(bucket: string, prefix?: string): Promise<readonly S3ObjectSummary[]>;
}
