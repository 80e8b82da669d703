import { startConsoleProcess } from './console-process';

/** One console with a small sandbox (500 alerts) for the whole run; its address goes to the specs. */
export default async function globalSetup() {
  const running = await startConsoleProcess(500);
  process.env.AWC_E2E_URL = running.url;
  process.env.AWC_E2E_TOKEN = running.token;
  process.env.AWC_E2E_PORT = String(running.port);
  return () => running.stop();
}
