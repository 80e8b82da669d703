/**
 * A typed client for Toxiproxy's HTTP API (v2): proxies, toxics, reset. Only what the network
 * harness uses; see https://github.com/Shopify/toxiproxy#http-api for the rest.
 */

export type ToxicStream = 'upstream' | 'downstream';

/** Toxic types and their attributes, as Toxiproxy names them. */
export interface ToxicAttributes {
  latency: { latency: number; jitter: number };
  bandwidth: { rate: number };
  slow_close: { delay: number };
  timeout: { timeout: number };
  reset_peer: { timeout: number };
}
export type ToxicType = keyof ToxicAttributes;

export interface Toxic<T extends ToxicType = ToxicType> {
  name: string;
  type: T;
  stream: ToxicStream;
  /** The probability (0–1) that a connection gets the toxic. */
  toxicity: number;
  attributes: ToxicAttributes[T];
}

export interface Proxy {
  name: string;
  /** host:port it accepts connections on. */
  listen: string;
  upstream: string;
  enabled: boolean;
  toxics: Toxic[];
}

export class ToxiproxyClient {
  constructor(readonly apiUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Toxiproxy ${method} ${path}: HTTP ${response.status} ${text}`);
    return (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  }

  async version(): Promise<string> {
    return (await this.call<string>('GET', '/version')).trim();
  }

  /** `listen` 127.0.0.1:0 lets the kernel choose the port; the answer says which. */
  createProxy(name: string, upstream: string, listen = '127.0.0.1:0'): Promise<Proxy> {
    return this.call('POST', '/proxies', { name, listen, upstream, enabled: true });
  }

  deleteProxy(name: string): Promise<void> {
    return this.call('DELETE', `/proxies/${encodeURIComponent(name)}`);
  }

  addToxic<T extends ToxicType>(proxy: string, toxic: Toxic<T>): Promise<Toxic<T>> {
    return this.call('POST', `/proxies/${encodeURIComponent(proxy)}/toxics`, toxic);
  }

  removeToxic(proxy: string, toxic: string): Promise<void> {
    return this.call('DELETE', `/proxies/${encodeURIComponent(proxy)}/toxics/${encodeURIComponent(toxic)}`);
  }

  toxics(proxy: string): Promise<Toxic[]> {
    return this.call('GET', `/proxies/${encodeURIComponent(proxy)}/toxics`);
  }
}
