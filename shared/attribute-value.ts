/**
 * Documents in wire form (Extended JSON, see electron/adapters/wire-value.ts) as DynamoDB's
 * AttributeValue JSON, the form of `aws dynamodb` CLI arguments and of DynamoDB's own exports.
 * Pure, so the renderer, the exporter and the copy-as-code generators share it. Values convert as
 * a migration converts them: dates and ObjectIds become strings, exact numbers keep their digits.
 */
export type AttributeValue =
  | { S: string } | { N: string } | { BOOL: boolean } | { NULL: true } | { B: string }
  | { L: AttributeValue[] } | { M: Record<string, AttributeValue> }
  | { SS: string[] } | { NS: string[] } | { BS: string[] };

function dateString(inner: unknown): string {
  if (typeof inner === 'string') return new Date(inner).toISOString();
  const millis = typeof inner === 'object' && inner !== null && '$numberLong' in inner ? Number((inner as { $numberLong: string }).$numberLong) : Number(inner);
  return new Date(millis).toISOString();
}

function setValue(members: unknown[]): AttributeValue {
  const converted = members.map(toAttributeValue);
  if (converted.every((m) => 'N' in m)) return { NS: converted.map((m) => (m as { N: string }).N) };
  if (converted.every((m) => 'B' in m)) return { BS: converted.map((m) => (m as { B: string }).B) };
  return { SS: converted.map((m) => ('S' in m ? m.S : JSON.stringify(m))) };
}

/** The one-key Extended JSON wrappers; undefined when `value` is an ordinary object. */
function fromWrapper(value: Record<string, unknown>): AttributeValue | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1 || !keys[0]!.startsWith('$')) return undefined;
  const inner = value[keys[0]!];
  switch (keys[0]) {
    case '$numberDecimal': case '$numberLong': case '$numberInt': case '$numberDouble': return { N: String(inner) };
    case '$oid': return { S: String(inner) };
    case '$date': return { S: dateString(inner) };
    case '$binary': return { B: String((inner as { base64?: unknown }).base64 ?? '') };
    case '$set': return Array.isArray(inner) ? setValue(inner) : undefined;
    default: return undefined;
  }
}

export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return fromWrapper(record) ?? { M: toAttributeMap(record) };
  }
  return { S: String(value) };
}

/** A whole document (an item's attributes). */
export function toAttributeMap(document: Record<string, unknown>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(document).map(([k, v]) => [k, toAttributeValue(v)]));
}
