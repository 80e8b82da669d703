import { expect, test, type Page } from '@playwright/test';
import { MongoClient } from 'mongodb';
import { startLiveWriter, type LiveWriter } from '../electron/sandbox/live-writer';
import { startConsoleProcess, type ConsoleProcess } from './console-process';
import { callConsole } from './contract-client';
import { expectNoHorizontalOverflow, MONGO, DYNAMO } from './feature-helpers';

/**
 * Issue 13: the guided cutover in the console, with the sandbox's live writer changing alerts
 * throughout. A console of its own (its sandbox's FerretDB keeps an oplog), so the writes and the
 * cutover's copy do not touch the data the other specs read.
 */
let consoleProcess: ConsoleProcess;
let client: MongoClient;
let writer: LiveWriter | undefined;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  consoleProcess = await startConsoleProcess(300);
  const sandbox = await callConsole('sandbox.status', {}, consoleProcess);
  client = new MongoClient(sandbox.mongo!.url!);
  await client.connect();
});
test.afterAll(async () => {
  await writer?.stop();
  await client?.close();
  await consoleProcess?.stop();
});

const step = (page: Page, id: string) => page.getByTestId(`cutover-step-${id}`);

test('the guided cutover reaches "in sync" with a live writer, survives a reload, then drains, verifies clean and shows the switch', async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(`localStorage.setItem('awc.selection', ${JSON.stringify(JSON.stringify({ mongoId: MONGO, dynamoId: DYNAMO }))})`);
  const page = await context.newPage();
  await page.goto(`${consoleProcess.url}`);
  await page.getByRole('link', { name: 'Cutover' }).click();
  await expect(page.getByRole('heading', { name: 'Cutover', level: 1 })).toBeVisible();

  writer = await startLiveWriter(client.db(), 40);
  await page.getByLabel('Lag threshold in seconds').fill('3');
  await page.getByRole('button', { name: 'Start cutover' }).click();
  await expect(step(page, 'full-load')).toHaveAttribute('data-status', /current|done/);
  await expect(page.getByTestId('cutover-waiting')).toBeVisible();
  await expect(step(page, 'in-sync')).toHaveAttribute('data-status', 'current', { timeout: 240_000 });
  await expect(step(page, 'in-sync').getByTestId('cutover-waiting')).toContainText('stop writes to MongoDB');
  // Changes keep arriving and being applied: the chart has samples, the table names alerts.
  await expect(page.getByTestId('lag-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('lag-table')).toContainText('alerts');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'e2e/screenshots/30-cutover-in-sync-1440.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.waitForTimeout(500);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/screenshots/30-cutover-in-sync-1024.png', fullPage: true });

  // One job in the main process: a reloaded console finds it at the same step.
  await page.reload();
  await expect(step(page, 'in-sync')).toHaveAttribute('data-status', 'current');
  await expect(page.getByTestId('lag-chart').locator('canvas')).toBeVisible();

  await writer.stop();
  const written = writer.counts();
  writer = undefined;
  const checklist = page.getByTestId('stop-writes');
  const confirm = page.getByRole('button', { name: 'Writes are stopped: drain and verify' });
  await expect(confirm).toBeDisabled();
  for (const box of await checklist.getByRole('checkbox').all()) await box.check();
  await checklist.getByLabel('Every document (full)').check();
  await confirm.click();
  await expect(step(page, 'switch')).toHaveAttribute('data-status', 'current', { timeout: 120_000 });
  await expect(page.getByTestId('cutover-verify')).toContainText('Everything matches');
  await expect(page.getByTestId('switch-variables')).toContainText('DATABASE_TYPE=dynamodb');
  await expect(page.getByTestId('switch-variables')).toContainText('DYNAMODB_TABLE_PREFIX=AlertWhisperer');
  await expect(page.getByTestId('lag-pending')).toHaveText('0');
  expect(written.inserted + written.updated + written.deleted).toBeGreaterThan(100);
  await page.screenshot({ path: 'e2e/screenshots/31-cutover-switch-1024.png', fullPage: true });
  await context.close();
});
