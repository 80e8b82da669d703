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

type WriteRequest = { PutRequest?: { Item: AttributeMap }; DeleteRequest?: unknown };
type KeysAndAttributes = { Keys: AttributeMap[]; ConsistentRead?: boolean };

class CapacityProxyServer {
  readonly model: CapacityModel;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly shapes = new Map<string, Promise<TableShape>>();

  constructor(private readonly upstream: URL, initial: Partial<CapacitySettings>) {
    this.model = new CapacityModel(initial);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    this.model.stats.requests++;
    if (DATA_OPERATIONS.has(operation) && this.model.internalError()) return sendError(res, 'InternalServerError');
    const body = raw.length > 0 ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {};
    if (TABLE_CHANGES.has(operation)) this.shapes.delete(String(body.TableName));
    const x: Exchange = { req, res, body, raw };
    const table = String(body.TableName);
    switch (operation) {
      case 'PutItem': return this.single(x, 'write', this.model.writeBuckets(table, await this.shapeOf(req, table), body.Item as AttributeMap), writeUnits(body.Item as AttributeMap));
      case 'UpdateItem':
      case 'DeleteItem': return this.single(x, 'write', this.model.writeBuckets(table, await this.shapeOf(req, table), undefined), 1);
      case 'GetItem': return this.single(x, 'read', [table], body.ConsistentRead ? 1 : 0.5);
      case 'Query':
      case 'Scan': return this.readMany(x);
      case 'BatchWriteItem': return this.batchWrite(x);
      case 'BatchGetItem': return this.batchGet(x);
      default: return relay(res, await this.forward(req, raw));
    }
  }

  private forward(req: IncomingMessage, body: Buffer, target?: string): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const headers: IncomingHttpHeaders = { ...req.headers, host: this.upstream.host, 'content-length': String(body.length) };
      delete headers.connection;
      if (target) headers['x-amz-target'] = target;
      const out = httpRequest({ hostname: this.upstream.hostname, port: this.upstream.port, method: req.method, path: req.url, headers, agent: this.agent }, (answer) => {
        readBody(answer).then((data) => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: data }), reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  }

  /** A table's GSIs, asked once with DescribeTable (DynamoDB Local does not check signatures). */
  private shapeOf(req: IncomingMessage, table: string): Promise<TableShape> {
    let shape = this.shapes.get(table);
    if (!shape) {
      shape = this.forward(req, Buffer.from(JSON.stringify({ TableName: table })), 'DynamoDB_20120810.DescribeTable').then((answer) => {
        if (answer.status !== 200) this.shapes.delete(table);
        const description = (JSON.parse(answer.body.toString()) as { Table?: { GlobalSecondaryIndexes?: { IndexName: string; KeySchema: { AttributeName: string }[] }[] } }).Table;
        return { indexes: (description?.GlobalSecondaryIndexes ?? []).map((g) => ({ name: g.IndexName, keys: g.KeySchema.map((k) => k.AttributeName) })) };
      });
      this.shapes.set(table, shape);
    }
    return shape;
  }

  private async single(x: Exchange, kind: 'read' | 'write', buckets: string[], units: number): Promise<void> {
    if (!this.model.tryCharge(kind, buckets, units)) return this.throttle(x.res);
    relay(x.res, await this.forward(x.req, x.raw));
  }

  private throttle(res: ServerResponse): void {
    this.model.stats.throttled++;
    sendError(res, this.model.settings.throttleError);
  }

  /** Admitted while the bucket is not in debt, then charged for what the answer holds. */
  private async readMany(x: Exchange): Promise<void> {
    const bucket = x.body.IndexName ? `${String(x.body.TableName)}/${String(x.body.IndexName)}` : String(x.body.TableName);
    if (!this.model.tryCharge('read', [bucket], 0)) return this.throttle(x.res);
    const answer = await this.forward(x.req, x.raw);
    this.model.charge('read', bucket, Math.ceil(answer.body.length / 4096) * (x.body.ConsistentRead ? 1 : 0.5));
    relay(x.res, answer);
  }

  private async batchWrite(x: Exchange): Promise<void> {
    const admitted: Record<string, WriteRequest[]> = {};
    const held = { entries: {} as Record<string, WriteRequest[]>, count: 0 };
    let short = false;
    for (const [table, entries] of Object.entries(x.body.RequestItems as Record<string, WriteRequest[]>)) {
      const shape = await this.shapeOf(x.req, table);
      const split = this.model.split(entries, (entry) => this.model.tryCharge('write', this.model.writeBuckets(table, shape, entry.PutRequest?.Item), writeUnits(entry.PutRequest?.Item)));
      if (split.admitted.length > 0) admitted[table] = split.admitted;
      if (split.unprocessed.length > 0) held.entries[table] = split.unprocessed;
      held.count += split.unprocessed.length;
      short ||= split.short;
    }
    await this.answerBatch(x, { ...x.body, RequestItems: admitted }, 'UnprocessedItems', held, short,
      (theirs, ours) => [...((theirs as WriteRequest[] | undefined) ?? []), ...(ours as WriteRequest[])]);
  }

  private async batchGet(x: Exchange): Promise<void> {
    const admitted: Record<string, KeysAndAttributes> = {};
    const held = { entries: {} as Record<string, KeysAndAttributes>, count: 0 };
    let short = false;
    for (const [table, request] of Object.entries(x.body.RequestItems as Record<string, KeysAndAttributes>)) {
      const split = this.model.split(request.Keys, () => this.model.tryCharge('read', [table], request.ConsistentRead ? 1 : 0.5));
      if (split.admitted.length > 0) admitted[table] = { ...request, Keys: split.admitted };
      if (split.unprocessed.length > 0) held.entries[table] = { ...request, Keys: split.unprocessed };
      held.count += split.unprocessed.length;
      short ||= split.short;
    }
    await this.answerBatch(x, { ...x.body, RequestItems: admitted }, 'UnprocessedKeys', held, short,
      (theirs, ours) => ({ ...(ours as KeysAndAttributes), Keys: [...((theirs as KeysAndAttributes | undefined)?.Keys ?? []), ...(ours as KeysAndAttributes).Keys] }));
  }

  /**
   * Sends the admitted part of a batch and adds what was held back to the answer's unprocessed
   * map. Nothing admitted because the buckets are empty is a throttling error, as in DynamoDB.
   */
  private async answerBatch(x: Exchange, request: { RequestItems: Record<string, unknown> }, field: 'UnprocessedItems' | 'UnprocessedKeys',
    held: { entries: Record<string, unknown>; count: number }, short: boolean, merge: (theirs: unknown, ours: unknown) => unknown): Promise<void> {
    const nothingAdmitted = Object.keys(request.RequestItems).length === 0;
    if (nothingAdmitted && short) return this.throttle(x.res);
    this.model.stats[field === 'UnprocessedItems' ? 'unprocessedItems' : 'unprocessedKeys'] += held.count;
    if (nothingAdmitted) return sendJson(x.res, 200, field === 'UnprocessedItems' ? { [field]: held.entries } : { Responses: {}, [field]: held.entries });
    const answer = await this.forward(x.req, Buffer.from(JSON.stringify(request)));
    if (answer.status !== 200 || held.count === 0) return relay(x.res, answer);
    const result = JSON.parse(answer.body.toString()) as Record<string, Record<string, unknown> | undefined>;
    const merged: Record<string, unknown> = { ...result[field] };
    for (const [table, ours] of Object.entries(held.entries)) merged[table] = merge(merged[table], ours);
    sendJson(x.res, 200, { ...result, [field]: merged }, answer.headers);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Starts the proxy on a free loopback port in front of `upstreamEndpoint` (DynamoDB Local). */
export async function startCapacityProxy(upstreamEndpoint: string, initial: Partial<CapacitySettings> = {}): Promise<CapacityProxy> {
  const proxy = new CapacityProxyServer(new URL(upstreamEndpoint), initial);
  // A request that fails half-way (the client reset it, DynamoDB Local went away) drops the connection, as a network would.
  const server = createServer((req, res) => { proxy.handle(req, res).catch(() => res.destroy()); });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    configure: (changes) => proxy.model.configure(changes),
    settings: () => ({ ...proxy.model.settings }),
    stats: () => ({ ...proxy.model.stats }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      proxy.close();
    },
  };
}
