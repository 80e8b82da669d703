import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startConsoleProcess, type ConsoleProcess } from './console-process';
import { callConsole } from './contract-client';
import { expectNoHorizontalOverflow, MONGO, DYNAMO } from './feature-helpers';

/**
 * Issue 13: the guided cutover in the console, with the sandbox's live writer (started and stopped
 * on the page) changing alerts throughout. A console of its own (its sandbox's FerretDB keeps an oplog), so the writes and the
 * cutover's copy do not touch the data the other specs read.
 */
let consoleProcess: ConsoleProcess;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  consoleProcess = await startConsoleProcess(300);
});
test.afterAll(async () => {
  await consoleProcess?.stop();
});

const step = (page: Page, id: string) => page.getByTestId(`cutover-step-${id}`);

/** Panels whose content is wider than the panel, as ux-pages.spec checks every other page. */
const spilling = (page: Page) => page.locator('.panel').evaluateAll((panels) => panels
  .filter((panel) => panel.scrollWidth > panel.clientWidth + 1)
  .map((panel) => `${panel.querySelector('h2')?.textContent ?? panel.className}: ${panel.scrollWidth} > ${panel.clientWidth}`));

/** No horizontal overflow, nothing spilling, then a full-page screenshot at this width. */
async function checkLayout(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await page.waitForTimeout(500);
  await expectNoHorizontalOverflow(page);
  expect(await spilling(page)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${name}-${width}.png`, fullPage: true });
}

async function expectNoSeriousAxeViolation(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the guided cutover reaches "in sync" with a live writer, survives a reload, then drains, verifies clean and shows the switch', async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(`localStorage.setItem('awc.selection', ${JSON.stringify(JSON.stringify({ mongoId: MONGO, dynamoId: DYNAMO }))})`);
  const page = await context.newPage();
  await page.goto(`${consoleProcess.url}`);
  await page.getByRole('link', { name: 'Cutover' }).click();
  await expect(page.getByRole('heading', { name: 'Cutover', level: 1 })).toBeVisible();

  // The sandbox's live writer plays the application from now on.
  await page.getByRole('button', { name: 'Start writing 20 changes/s' }).click();
  await expect(page.getByTestId('sandbox-writer').getByText('20 changes/s', { exact: true })).toBeVisible();
  await page.getByLabel('Lag threshold in seconds').fill('3');
  await page.getByRole('button', { name: 'Start cutover' }).click();
  await expect(step(page, 'full-load')).toHaveAttribute('data-status', /current|done/);
  await expect(page.getByTestId('cutover-waiting')).toBeVisible();
  await expect(step(page, 'in-sync')).toHaveAttribute('data-status', 'current', { timeout: 240_000 });
  await expect(step(page, 'in-sync').getByTestId('cutover-waiting')).toContainText('stop writes to MongoDB');
  // Changes keep arriving and being applied: the chart has samples, the table names alerts.
  await expect(page.getByTestId('lag-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('lag-table')).toContainText('alerts');
  await page.waitForTimeout(8000); // a few more seconds of the chart while changes keep arriving
  await checkLayout(page, '30-cutover-in-sync', 1440);
  await checkLayout(page, '30-cutover-in-sync', 1024);
  await expectNoSeriousAxeViolation(page);

  // One job in the main process: a reloaded console finds it at the same step.
  await page.reload();
  await expect(step(page, 'in-sync')).toHaveAttribute('data-status', 'current');
  await expect(page.getByTestId('lag-chart').locator('canvas')).toBeVisible();

  // This sandbox's "stop writes to MongoDB".
  await page.getByRole('button', { name: 'Stop the writer' }).click();
  await expect(page.getByRole('button', { name: 'Start writing 20 changes/s' })).toBeVisible();
  const written = await callConsole('sandbox.writer', {}, consoleProcess);
  expect(written.running).toBe(false);
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
  expect(written.counts.inserted + written.counts.updated + written.counts.deleted).toBeGreaterThan(100);
  await checkLayout(page, '31-cutover-switch', 1024);
  await checkLayout(page, '31-cutover-switch', 1440);
  await expectNoSeriousAxeViolation(page);
  await context.close();
});
