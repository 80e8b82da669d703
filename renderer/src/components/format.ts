/** Display helpers for numbers, sizes and durations in tables. */
export const formatCount = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en-US'));

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 1) return '< 1 s';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const formatUsd = (usd: number) => (usd < 0.01 ? '< $0.01' : `$${usd.toFixed(2)}`);

/** One cell of a document table: wire values shown as what they mean. */
export function formatCell(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value !== 'object') return String(value);
  const wire = value as Record<string, unknown>;
  if ('$oid' in wire) return `ObjectId(${String(wire.$oid)})`;
  if ('$date' in wire) return typeof wire.$date === 'string' ? wire.$date : JSON.stringify(wire.$date);
  if ('$numberDecimal' in wire) return String(wire.$numberDecimal);
  if ('$numberLong' in wire) return String(wire.$numberLong);
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
