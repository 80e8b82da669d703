import { WebSocket } from 'ws';
import type { CallInput, CallName, CallOutput, Outcome } from '../shared/contract';

/** Calls the running console's contract from the test process (e.g. to tamper with an item); `on`: another console than the run's. */
export async function callConsole<K extends CallName>(name: K, input: CallInput<K>, on = { port: Number(process.env.AWC_E2E_PORT), token: process.env.AWC_E2E_TOKEN! }): Promise<CallOutput<K>> {
  const { port, token } = on;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, { headers: { origin: `http://127.0.0.1:${port}`, authorization: `Bearer ${token}` } });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  try {
    const outcome = await new Promise<Outcome<CallOutput<K>>>((resolve) => {
      ws.on('message', (data) => resolve(JSON.parse(String(data)).outcome));
      ws.send(JSON.stringify({ type: 'call', id: 1, name, input }));
    });
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
    return outcome.output;
  } finally {
    ws.close();
  }
}
