import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { uploadObject, type S3Clients } from '../adapters/s3/s3-client';

/** Where a part's gzip bytes go: `done` resolves once the part is safely stored under its key. */
export interface PartSink {
  describe(): string;
  open(key: string, signal?: AbortSignal): { stream: Writable; done: Promise<void> };
}

/** 5 MiB is S3's smallest multipart part; two in flight per object keeps memory bounded. */
const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
const UPLOAD_QUEUE = 2;

export function s3Sink(s3: S3Clients, bucket: string): PartSink {
  return {
    describe: () => `s3://${bucket}`,
    open(key, signal) {
      const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
      const done = uploadObject(s3, bucket, key, stream, { partSize: UPLOAD_PART_BYTES, queueSize: UPLOAD_QUEUE, signal });
      // An upload that fails stops reading: destroy the stream so the writer does not wait on it forever.
      done.catch((error: unknown) => stream.destroy(error as Error));
      return { stream, done };
    },
  };
}

/**
 * A local folder, for hand-off to another account: each part is written under a temporary name
 * and renamed when complete, so the folder never holds half a part under a final name.
 */
export function folderSink(dir: string): PartSink {
  return {
    describe: () => resolve(dir),
    open(key) {
      const path = join(dir, key);
      mkdirSync(dirname(path), { recursive: true });
      const stream = createWriteStream(`${path}.partial`);
      const done = finished(stream).then(() => renameSync(`${path}.partial`, path));
      return { stream, done };
    },
  };
}
