import { expect, type Browser, type Page } from '@playwright/test';
import { callConsole } from './contract-client';

/**
 * Makes sure DynamoDB holds the sandbox's data (console.spec migrates it; a spec run alone
 * migrates it here), then opens a fresh page with the sandbox connections in use.
 */
export async function openWithSandbox(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const tables = await callConsole('collections.list', { connectionId: 'sandbox-dynamodb' }).catch(() => []);
  if (!tables.find((t) => t.name === 'alerts')?.count) {
    const { jobId } = await callConsole('migration.start', { sourceId: 'sandbox-mongodb', targetId: 'sandbox-dynamodb', options: {} });
    await expect.poll(async () => (await callConsole('migration.status', { jobId })).state, { timeout: 90_000 }).toBe('completed');
  }
  // A context of its own (axe-core needs one); close it with page.context().close().
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(process.env.AWC_E2E_URL!);
  await page.getByRole('button', { name: 'Use sandbox connections' }).click();
  await expect(page.getByTestId('connection-sandbox-dynamodb').getByText('In use')).toBeVisible();
  return page;
}

/** Opens Browse on a backend and waits for the first results. */
export async function browse(page: Page, backend: 'MongoDB' | 'DynamoDB'): Promise<void> {
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByRole('tab', { name: backend }).click();
  await expect(page.getByTestId('result-row').first()).toBeVisible();
}
