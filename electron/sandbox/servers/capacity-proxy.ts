import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import { CapacityModel, writeUnits, type AttributeMap, type CapacitySettings, type CapacityStats, type TableShape } from './capacity-model';

/**
 * An HTTP proxy in front of DynamoDB Local that answers as DynamoDB does under load: it reads
 * each JSON request (its X-Amz-Target names the operation), charges the CapacityModel's token
 * buckets, and answers a throttling error when they are empty, forwards only the part of a
 * batch they admit (the rest comes back as UnprocessedItems / UnprocessedKeys), and answers
 * occasional 500s. Everything else passes through untouched.
 */
export interface CapacityProxy {
  endpoint: string;
  configure(changes: Partial<CapacitySettings>): void;
  settings(): CapacitySettings;
  stats(): CapacityStats;
  stop(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  body: Record<string, unknown>;
  raw: Buffer;
}

const DATA_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'GetItem', 'Query', 'Scan', 'BatchWriteItem', 'BatchGetItem', 'TransactWriteItems', 'TransactGetItems']);
const TABLE_CHANGES = new Set(['CreateTable', 'UpdateTable', 'DeleteTable']);
const HOP_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);
const MESSAGES = {
  ProvisionedThroughputExceededException: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  ThrottlingException: 'Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly.',
  InternalServerError: 'Internal server error (injected by the capacity proxy).',
};
const NAMESPACES: Record<keyof typeof MESSAGES, string> = {
  ProvisionedThroughputExceededException: 'com.amazonaws.dynamodb.v20120810',
  ThrottlingException: 'com.amazon.coral.availability',
  InternalServerError: 'com.amazonaws.dynamodb.v20120810',
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Answers JSON with the checksum DynamoDB sends (the SDK checks x-amz-crc32 when present). */
function sendJson(res: ServerResponse, status: number, value: unknown, headers: IncomingHttpHeaders = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_HEADERS.has(name)));
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...kept, 'x-amz-crc32': String(crc32(body)), 'content-length': body.length });
  res.end(body);
}

function relay(res: ServerResponse, upstream: Upstream): void {
  const kept = Object.fromEntries(Object.entries(upstream.headers).filter(([name]) => !HOP_HEADERS.has(name)));
  res.writeHead(upstream.status, { ...kept, 'content-length': upstream.body.length });
  res.end(upstream.body);
}

function sendError(res: ServerResponse, type: keyof typeof MESSAGES): void {
  sendJson(res, type === 'InternalServerError' ? 500 : 400, { __type: `${NAMESPACES[type]}#${type}`, message: MESSAGES[type] });
}

export async function startCapacityProxy(upstreamEndpoint: string, initial: Partial<CapacitySettings> = {}): Promise<CapacityProxy> {
  const upstream = new URL(upstreamEndpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const model = new CapacityModel(initial);
  const shapes = new Map<string, Promise<TableShape>>();

  const forward = (req: IncomingMessage, body: Buffer, target?: string): Promise<Upstream> => new Promise((resolve, reject) => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    delete headers.connection;
    if (target) headers['x-amz-target'] = target;
    const out = httpRequest({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      readBody(answer).then((data) => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: data }), reject);
    });
    out.on('error', reject);
    out.end(body);
  });

  /** A table's GSIs, asked once with DescribeTable (DynamoDB Local does not check signatures). */
  const shapeOf = (req: IncomingMessage, table: string): Promise<TableShape> => {
    let shape = shapes.get(table);
    if (!shape) {
      shape = forward(req, Buffer.from(JSON.stringify({ TableName: table })), 'DynamoDB_20120810.DescribeTable').then((answer) => {
        if (answer.status !== 200) shapes.delete(table);
        const description = (JSON.parse(answer.body.toString()) as { Table?: { GlobalSecondaryIndexes?: { IndexName: string; KeySchema: { AttributeName: string }[] }[] } }).Table;
        return { indexes: (description?.GlobalSecondaryIndexes ?? []).map((g) => ({ name: g.IndexName, keys: g.KeySchema.map((k) => k.AttributeName) })) };
      });
      shapes.set(table, shape);
    }
    return shape;
  };

  const handlers: Record<string, (x: Exchange) => Promise<void>> = {
    PutItem: async (x) => single(x, 'write', model.writeBuckets(String(x.body.TableName), await shapeOf(x.req, String(x.body.TableName)), x.body.Item as AttributeMap), writeUnits(x.body.Item as AttributeMap)),
    UpdateItem: async (x) => single(x, 'write', model.writeBuckets(String(x.body.TableName), await shapeOf(x.req, String(x.body.TableName)), undefined), 1),
    DeleteItem: async (x) => single(x, 'write', model.writeBuckets(String(x.body.TableName), await shapeOf(x.req, String(x.body.TableName)), undefined), 1),
    GetItem: (x) => single(x, 'read', [String(x.body.TableName)], x.body.ConsistentRead ? 1 : 0.5),
    Query: (x) => readMany(x),
    Scan: (x) => readMany(x),
    BatchWriteItem: (x) => batchWrite(x),
    BatchGetItem: (x) => batchGet(x),
  };

  async function single(x: Exchange, kind: 'read' | 'write', buckets: string[], units: number): Promise<void> {
    if (!model.tryCharge(kind, buckets, units)) return throttle(x.res);
    relay(x.res, await forward(x.req, x.raw));
  }

  function throttle(res: ServerResponse): void {
    model.stats.throttled++;
    sendError(res, model.settings.throttleError);
  }

  /** Admitted while the bucket is not in debt, then charged for what the answer holds. */
  async function readMany(x: Exchange): Promise<void> {
    const bucket = x.body.IndexName ? `${String(x.body.TableName)}/${String(x.body.IndexName)}` : String(x.body.TableName);
    if (!model.tryCharge('read', [bucket], 0)) return throttle(x.res);
    const answer = await forward(x.req, x.raw);
    model.charge('read', bucket, Math.ceil(answer.body.length / 4096) * (x.body.ConsistentRead ? 1 : 0.5));
    relay(x.res, answer);
  }

  async function batchWrite(x: Exchange): Promise<void> {
    type WriteRequest = { PutRequest?: { Item: AttributeMap }; DeleteRequest?: unknown };
    const requested = x.body.RequestItems as Record<string, WriteRequest[]>;
    const admitted: Record<string, WriteRequest[]> = {};
    const unprocessed: Record<string, WriteRequest[]> = {};
    let short = false;
    let held = 0;
    for (const [table, entries] of Object.entries(requested)) {
      const shape = await shapeOf(x.req, table);
      const split = model.split(entries, (entry) => model.tryCharge('write', model.writeBuckets(table, shape, entry.PutRequest?.Item), writeUnits(entry.PutRequest?.Item)));
      if (split.admitted.length > 0) admitted[table] = split.admitted;
      if (split.unprocessed.length > 0) unprocessed[table] = split.unprocessed;
      short ||= split.short;
      held += split.unprocessed.length;
    }
    await answerBatch(x, { ...x.body, RequestItems: admitted }, 'UnprocessedItems', { entries: unprocessed, count: held }, short,
      (theirs, ours) => [...((theirs as WriteRequest[] | undefined) ?? []), ...(ours as WriteRequest[])]);
  }

  async function batchGet(x: Exchange): Promise<void> {
    type KeysAndAttributes = { Keys: AttributeMap[]; ConsistentRead?: boolean };
    const requested = x.body.RequestItems as Record<string, KeysAndAttributes>;
    const admitted: Record<string, KeysAndAttributes> = {};
    const unprocessed: Record<string, KeysAndAttributes> = {};
    let short = false;
    let held = 0;
    for (const [table, request] of Object.entries(requested)) {
      const split = model.split(request.Keys, () => model.tryCharge('read', [table], request.ConsistentRead ? 1 : 0.5));
      if (split.admitted.length > 0) admitted[table] = { ...request, Keys: split.admitted };
      if (split.unprocessed.length > 0) unprocessed[table] = { ...request, Keys: split.unprocessed };
      short ||= split.short;
      held += split.unprocessed.length;
    }
    await answerBatch(x, { ...x.body, RequestItems: admitted }, 'UnprocessedKeys', { entries: unprocessed, count: held }, short,
      (theirs, ours) => ({ ...(ours as KeysAndAttributes), Keys: [...((theirs as KeysAndAttributes | undefined)?.Keys ?? []), ...(ours as KeysAndAttributes).Keys] }));
  }

  /**
   * Sends the admitted part of a batch and adds what was held back to the answer's unprocessed
   * map. Nothing admitted because the buckets are empty is a throttling error, as in DynamoDB.
   */
  async function answerBatch(x: Exchange, request: { RequestItems: Record<string, unknown> }, field: 'UnprocessedItems' | 'UnprocessedKeys',
    held: { entries: Record<string, unknown>; count: number }, short: boolean, merge: (theirs: unknown, ours: unknown) => unknown): Promise<void> {
    if (Object.keys(request.RequestItems).length === 0 && short) return throttle(x.res);
    model.stats[field === 'UnprocessedItems' ? 'unprocessedItems' : 'unprocessedKeys'] += held.count;
    if (Object.keys(request.RequestItems).length === 0) {
      return sendJson(x.res, 200, field === 'UnprocessedItems' ? { [field]: held.entries } : { Responses: {}, [field]: held.entries });
    }
    const answer = await forward(x.req, Buffer.from(JSON.stringify(request)));
    if (answer.status !== 200 || held.count === 0) return relay(x.res, answer);
    const result = JSON.parse(answer.body.toString()) as Record<string, Record<string, unknown> | undefined>;
    const merged: Record<string, unknown> = { ...result[field] };
    for (const [table, ours] of Object.entries(held.entries)) merged[table] = merge(merged[table], ours);
    sendJson(x.res, 200, { ...result, [field]: merged }, answer.headers);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      model.stats.requests++;
      if (DATA_OPERATIONS.has(operation) && model.internalError()) return sendError(res, 'InternalServerError');
      const body = raw.length > 0 ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {};
      if (TABLE_CHANGES.has(operation)) shapes.delete(String(body.TableName));
      const handler = handlers[operation];
      if (handler) await handler({ req, res, body, raw });
      else relay(res, await forward(req, raw));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    configure: (changes) => model.configure(changes),
    settings: () => ({ ...model.settings }),
    stats: () => ({ ...model.stats }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
