import { paginateScan, type DynamoDBDocumentClient, type ScanCommandInput, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';

/** Full passes read a table in this many parallel Scan segments; 4 suits a local server and a small client. */
export const SCAN_SEGMENTS = 4;

/** One segment's pages, from just after `after` (a key in that segment) when given. */
export function segmentPages(doc: DynamoDBDocumentClient, input: ScanCommandInput, segment: number, after?: Record<string, unknown>, signal?: AbortSignal): AsyncGenerator<ScanCommandOutput> {
  const paged = { ...input, Segment: segment, TotalSegments: SCAN_SEGMENTS, ...(after ? { ExclusiveStartKey: after } : {}) };
  return paginateScan({ client: doc }, paged, { abortSignal: signal }) as AsyncGenerator<ScanCommandOutput>;
}

/** Every page of a parallel Scan, segments read at the same time; `onPage` hears each page as it arrives. */
export async function scanAllSegments(doc: DynamoDBDocumentClient, input: ScanCommandInput, onPage: (page: ScanCommandOutput) => void, signal?: AbortSignal): Promise<void> {
  await Promise.all(Array.from({ length: SCAN_SEGMENTS }, async (_, segment) => {
    for await (const page of segmentPages(doc, input, segment, undefined, signal)) onPage(page);
  }));
}
