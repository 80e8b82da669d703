import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';

export interface S3Connection {
  region: string;
  /** A local S3 (moto): addressed by path, since its bucket names are not host names. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  profile?: string;
}

export interface S3Clients {
  client: S3Client;
  /** Where requests go, for messages: the endpoint, or the AWS region. */
  where: string;
}

export function createS3Clients(config: S3Connection): S3Clients {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.credentials ? { credentials: config.credentials } : config.profile ? { credentials: fromIni({ profile: config.profile }) } : {}),
    maxAttempts: 5,
  });
  return { client, where: config.endpoint ?? `AWS region ${config.region}` };
}

function translateS3Error(error: unknown, where: string, bucket: string): AppError {
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === 'AbortError') return new AppError('CANCELLED', 'The upload was cancelled.');
  if (e.name === 'NoSuchBucket') return new AppError('NOT_FOUND', `S3 bucket ${bucket} does not exist at ${where}. Create it, or check --bucket and --region.`);
  if (e.name === 'AccessDenied' || e.name === 'InvalidAccessKeyId' || e.name === 'SignatureDoesNotMatch') {
    return new AppError('AUTH_FAILED', `S3 at ${where} refused access to bucket ${bucket} (${e.name}). Check the AWS credentials and the bucket policy.`);
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND') return new AppError('UNREACHABLE', `S3 at ${where} cannot be reached (${e.code}).`);
  return new AppError('INTERNAL', `S3 at ${where} failed for bucket ${bucket}: ${e.message ?? String(error)}`);
}

interface UploadOptions {
  /** Bytes per multipart part (at least 5 MiB, S3's minimum): also the buffer each queued part holds. */
  partSize: number;
  /** Parts of this object uploaded at once. */
  queueSize: number;
  signal?: AbortSignal;
}

/**
 * Streams `body` into one object with a multipart upload (a single PUT when it is small).
 * Memory holds at most `queueSize` parts of `partSize` bytes.
 */
export async function uploadObject(s3: S3Clients, bucket: string, key: string, body: Readable, options: UploadOptions): Promise<void> {
  const upload = new Upload({
    client: s3.client,
    params: { Bucket: bucket, Key: key, Body: body, ContentType: 'application/gzip' },
    partSize: options.partSize,
    queueSize: options.queueSize,
    leavePartsOnError: false,
    ...(options.signal ? { abortController: abortControllerFor(options.signal) } : {}),
  });
  try {
    await upload.done();
  } catch (error) {
    throw translateS3Error(error, s3.where, bucket);
  }
}

function abortControllerFor(signal: AbortSignal): AbortController {
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}

interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

/** Every object under `prefix`, with its size and when it was last written. */
export async function listObjects(s3: S3Clients, bucket: string, prefix: string): Promise<StoredObject[]> {
  const objects: StoredObject[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) objects.push({ key: o.Key!, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (error) {
    throw translateS3Error(error, s3.where, bucket);
  }
  return objects;
}

/** For local servers and tests: real buckets are made by their owners, with their policies. */
export async function createBucket(s3: S3Clients, bucket: string): Promise<void> {
  try {
    await s3.client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw translateS3Error(error, s3.where, bucket);
  }
}
