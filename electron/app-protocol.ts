import { readStatic } from './transports/static-files';
import { WINDOW_CSP } from './window-security';

/**
 * The renderer's own origin, `app://console`: a privileged custom scheme instead of file://, so
 * the page gets response headers (the CSP) and no ambient access to the file system. Only the
 * built renderer folder is served; anything else, traversal included, is a 404.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://console`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** The privileges registered before `ready`: a standard, secure origin that may fetch itself. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const HEADERS = { 'Content-Security-Policy': WINDOW_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

/** Node's URL gives custom schemes an opaque origin ("null"): compare scheme and host instead. */
function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === 'console' && !url.username && !url.password;
}

/** Answers one `app://` request from `rendererDir`. */
export async function appProtocolResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (!isAppUrl(url)) return new Response('Not found.', { status: 404, headers: HEADERS });
  const file = await readStatic(rendererDir, url.pathname);
  if (!file) return new Response('Not found.', { status: 404, headers: HEADERS });
  return new Response(new Uint8Array(file.body), { status: 200, headers: { ...HEADERS, 'Content-Type': file.type } });
}

/** Whether an IPC sender frame is the app's own page (and not, say, a navigated-to site). */
export function isAppPage(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    return isAppUrl(new URL(frameUrl));
  } catch {
    return false;
  }
}
