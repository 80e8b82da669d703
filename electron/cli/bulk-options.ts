import { Option, type Command } from 'commander';
import { createS3Clients, type S3Clients } from '../adapters/s3/s3-client';
import { localEndpointCredentials } from '../adapters/dynamodb/local-credentials';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../migration/export-job';
import { folderSink, s3Sink, type PartSink } from '../migration/export-sink';
import { wholeNumber } from './config';
import type { ProfileFlags } from './profile-option';

/** The bulk path's flags, shared by `export` and `migrate --via s3`. */
export interface BulkFlags extends ProfileFlags {
  bucket?: string;
  s3Prefix?: string;
  s3Endpoint?: string;
  partMb: number;
  region?: string;
  resume?: boolean;
}

const MB = 1024 * 1024;

export function addBulkOptions(command: Command): Command {
  return command
    .option('--bucket <bucket>', 'S3 bucket for the gzip-compressed DynamoDB JSON parts')
    // --prefix is the table prefix in every command, so the key prefix has a name of its own.
    .option('--s3-prefix <prefix>', 'key prefix in the bucket (each collection goes under <prefix>/<collection>/)', '')
    .addOption(new Option('--s3-endpoint <url>', 'S3 endpoint (a local S3 such as moto)').env('AWS_ENDPOINT_URL_S3'))
    .addOption(new Option('--part-mb <n>', 'uncompressed MB of DynamoDB JSON per part').argParser(wholeNumber(1, 100_000)).default(DEFAULT_EXPORT_OPTIONS.partBytes / MB));
}

export function exportOptions(collections: string[], flags: BulkFlags): ExportOptions {
  return { ...DEFAULT_EXPORT_OPTIONS, collections, prefix: flags.s3Prefix ?? '', partBytes: flags.partMb * MB, resume: flags.resume ?? false, ...(flags.profile ? { profile: flags.profile } : {}) };
}

export function openS3(flags: BulkFlags): S3Clients {
  return createS3Clients({ region: flags.region ?? 'us-east-1', ...(flags.s3Endpoint ? { endpoint: flags.s3Endpoint } : {}), ...localEndpointCredentials(flags.s3Endpoint) });
}

/** The sink the flags name: a folder, or the bucket (with the S3 clients to close afterwards). */
export function openSink(flags: BulkFlags & { dir?: string }): { sink: PartSink; close(): void } {
  if (flags.dir !== undefined) return { sink: folderSink(flags.dir), close: () => {} };
  const s3 = openS3(flags);
  return { sink: s3Sink(s3, flags.bucket!), close: () => s3.client.destroy() };
}
