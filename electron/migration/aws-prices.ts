/**
 * The list prices the plan compares paths with: AWS, us-east-1, read on 2026-11-29 from
 * aws.amazon.com/dynamodb/pricing/on-demand/ (write request units; "Import from S3") and
 * aws.amazon.com/s3/pricing/ (S3 Standard PUT requests and storage). Update the date with the figures.
 */
export const AWS_PRICES = {
  region: 'us-east-1',
  asOf: '2026-11-29',
  source: 'AWS pricing pages: aws.amazon.com/dynamodb/pricing/on-demand/ and aws.amazon.com/s3/pricing/',
  /** On-demand: one write request unit per started KB of an item, per table and per GSI it lands in. */
  usdPerWriteUnit: 0.625 / 1_000_000,
  /** ImportTable: per GB of uncompressed source data. */
  usdPerImportGb: 0.15,
  /** S3 Standard PUT (each multipart part is one). */
  usdPerS3Put: 0.005 / 1000,
  /**
   * DynamoDB Standard table class storage, per GB-month (the first 25 GB of an account are free: not
   * deducted). Added with the plan's storage estimate from the on-demand page's published figure: re-check it with the others.
   */
  usdPerGbMonthStorage: 0.25,
  /** S3 Standard storage, per GB-month: the export's objects, counted for one month. */
  usdPerS3GbMonth: 0.023,
} as const;
