import { expect, type Browser, type Page } from '@playwright/test';
import { callConsole } from './contract-client';

/** Helpers for the feature specs, which must pass alone as well as after console.spec.ts. */
export const MONGO = 'sandbox-mongodb';
export const DYNAMO = 'sandbox-dynamodb';

/** Copies alerts and companies to DynamoDB unless an earlier spec already did. */
export async function ensureMigrated(): Promise<void> {
  const count = await callConsole('documents.count', { connectionId: DYNAMO, collection: 'alerts', filter: {} }).catch(() => ({ count: 0 }));
  if (count.count > 0) return;
  const { jobId } = await callConsole('migration.start', { sourceId: MONGO, targetId: DYNAMO, options: { collections: ['alerts', 'companies'] } });
  await expect.poll(async () => (await callConsole('migration.status', { jobId })).state, { timeout: 90_000, intervals: [500] }).toBe('completed');
}

/** A page on the console with the sandbox connections chosen, at the given size. */
export async function openConsole(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(`localStorage.setItem('awc.selection', ${JSON.stringify(JSON.stringify({ mongoId: MONGO, dynamoId: DYNAMO }))})`);
  const page = await context.newPage();
  await page.goto(process.env.AWC_E2E_URL!);
  return page;
}

/** No horizontal scrolling of the page itself at this width. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
