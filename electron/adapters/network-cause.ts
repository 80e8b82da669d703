/** What kept a connection from being made, from a Node or driver error: each reads differently to users. */
export type NetworkCause = 'dns' | 'refused' | 'other';

export function networkCause(error: { code?: unknown; message?: string }): NetworkCause {
  const text = `${typeof error.code === 'string' ? error.code : ''} ${error.message ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME/.test(text)) return 'dns';
  if (/ECONNREFUSED/.test(text)) return 'refused';
  return 'other';
}

/** The sentence for a cause, after "Cannot reach <backend> at <where>". */
export function networkCauseText(cause: NetworkCause, backend: string): string {
  if (cause === 'dns') return ': the host name could not be found (DNS). Check the host name for typos.';
  if (cause === 'refused') return `: nothing is listening on that port (connection refused). Check the port, and that ${backend} is running.`;
  return `. Check the host, the port and the network, and that ${backend} is running.`;
}
