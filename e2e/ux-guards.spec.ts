import { expect, test, type Page } from '@playwright/test';
import { callConsole } from './contract-client';
import { browse, openWithSandbox } from './sandbox-page';

/** Costly and destructive actions ask first; a running read can be cancelled; dialogs behave. */
test.describe.configure({ mode: 'serial' });

const sortByTime = async (page: Page) => {
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill('');
  await page.getByRole('textbox', { name: 'Sort field' }).fill('timestamp');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
};

test('warns before a full sorted Scan, with its cost, and Load more reads nothing again', async ({ browser }) => {
  const page = await openWithSandbox(browser);
  await browse(page, 'DynamoDB');
  await page.getByLabel('Page size').selectOption('100');
  await sortByTime(page);
  const warning = page.getByTestId('scan-warning');
  await expect(warning).toContainText('reads the whole');
  await expect(warning).toContainText(/About \d{3} items and \d+ read capacity units/);
  await expect(warning).toContainText('sorted in memory after a full Scan');
  await page.screenshot({ path: 'e2e/screenshots/guard-scan-warning.png' });
  await page.keyboard.press('Escape');
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('plan')).not.toContainText('whole table was read');

  await sortByTime(page);
  await warning.getByRole('button', { name: 'Read the whole table' }).click();
  const capacity = page.getByTestId('plan-capacity');
  await expect(page.getByTestId('plan')).toContainText('whole table was read');
  const first = await capacity.textContent();
  await page.getByRole('button', { name: 'Load 100 more' }).click();
  await expect(page.getByText('200 loaded')).toBeVisible();
  await expect(capacity).toContainText('(2 pages)');
  // The second page came from the sorted snapshot: the total is still that of one read.
  expect(parseFloat((await capacity.textContent())!)).toBe(parseFloat(first!));
  await page.context().close();
});

test('a Scan picked in the index list asks first too, as a new filter would', async ({ browser }) => {
  const page = await openWithSandbox(browser);
  await browse(page, 'DynamoDB');
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill('{"status": "active"}');
  await page.getByRole('textbox', { name: 'Sort field' }).fill('timestamp');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('plan')).toContainText('Query on status-index');
  await page.getByRole('combobox', { name: 'Index', exact: true }).selectOption('Scan');
  const warning = page.getByTestId('scan-warning');
  await expect(warning).toContainText('reads the whole');
  await expect(page.getByTestId('plan')).toContainText('Query on status-index');
  await warning.getByRole('button', { name: 'Read the whole table' }).click();
  await expect(page.getByTestId('plan')).toContainText('whole table was read');
  await page.context().close();
});

test('cancels a running read: the renderer asks the main process to stop it', async ({ browser }) => {
  const sent: { name: string; input: { requestId?: string; options?: { sort?: unknown } } }[] = [];
  const page = await openWithSandbox(browser);
  // Hold sorted reads on their way to the server, so this one is still running when Cancel is pressed.
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as { type: string; name: string; input: { requestId?: string; options?: { sort?: unknown } } };
      if (message.type === 'call') sent.push(message);
      if (!(message.name === 'documents.find' && message.input.options?.sort)) server.send(raw);
    });
    server.onMessage((raw) => ws.send(raw));
  });
  await page.reload();
  await browse(page, 'DynamoDB');
  await sortByTime(page);
  await page.getByTestId('scan-warning').getByRole('button', { name: 'Read the whole table' }).click();
  await expect(page.getByRole('button', { name: 'Running…' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('The read was stopped.')).toBeVisible();
  const held = sent.find((m) => m.name === 'documents.find' && m.input.options?.sort)!;
  await expect.poll(() => sent.some((m) => m.name === 'documents.cancel' && m.input.requestId === held.input.requestId)).toBe(true);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page.context().close();
});

test('the delete dialog focuses Cancel, keeps Tab inside, and closes on Escape', async ({ browser }) => {
  const page = await openWithSandbox(browser);
  await browse(page, 'DynamoDB');
  const row = page.getByTestId('result-row').first();
  const id = (await row.locator('[data-column=id]').textContent())!;
  await row.click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this document?' });
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  const remove = dialog.getByRole('button', { name: 'Delete' });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(remove).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(remove).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete…' })).toBeFocused();
  // Enter on the dialog as it opens answers Cancel: nothing is deleted by a stray key.
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect(await callConsole('documents.findOne', { connectionId: 'sandbox-dynamodb', collection: 'alerts', filter: { id } })).toMatchObject({ document: { id } });
  await page.context().close();
});

test('asks before writing over tables that hold data, and before removing a connection', async ({ browser }) => {
  const page = await openWithSandbox(browser);
  const jobsBefore = (await callConsole('jobs.list', {})).length;
  await page.getByRole('link', { name: 'Migrate' }).click();
  await page.getByRole('button', { name: 'Start migration' }).click();
  const overwrite = page.getByRole('dialog', { name: 'Write over tables that hold data?' });
  await expect(overwrite).toContainText(/alerts.*about \d{3} items/);
  await expect(overwrite.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: 'e2e/screenshots/guard-overwrite.png' });
  await page.keyboard.press('Escape');
  await expect(overwrite).toBeHidden();
  expect((await callConsole('jobs.list', {})).length).toBe(jobsBefore);

  await page.getByRole('link', { name: 'Connections' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'New connection' }) });
  await form.getByLabel('Name').fill('To be removed');
  await form.getByRole('button', { name: 'Save connection' }).click();
  const card = page.locator('article', { hasText: 'To be removed' });
  await card.getByRole('button', { name: 'Remove…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this connection?' });
  await expect(confirm).toContainText('To be removed');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Remove…' }).click();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(card).toBeHidden();
  await page.context().close();
});

test('asks before cancelling a running migration', async ({ browser }) => {
  const page = await openWithSandbox(browser);
  // Keep the page at the run's first progress event, so it is still running when Cancel is pressed.
  let seenRunning = false;
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((raw) => server.send(raw));
    server.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as { type: string; event?: { state?: string; overall?: unknown } };
      const progress = message.type === 'event' && message.event?.overall !== undefined;
      if (progress && seenRunning) return;
      if (progress && message.event?.state === 'running') seenRunning = true;
      ws.send(raw);
    });
  });
  await page.reload();
  await page.getByRole('link', { name: 'Migrate' }).click();
  await page.getByRole('checkbox', { name: 'All collections' }).uncheck();
  await page.getByRole('checkbox', { name: 'alerts', exact: true }).check();
  await page.getByRole('button', { name: 'Start migration' }).click();
  await page.getByRole('dialog', { name: 'Write over tables that hold data?' }).getByRole('button', { name: 'Start and overwrite' }).click();
  await expect(page.getByTestId('migration-progress')).toHaveAttribute('data-state', 'running');
  await page.getByRole('button', { name: 'Cancel…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel the migration?' });
  await expect(confirm.getByRole('button', { name: 'Keep running' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  const [job] = await callConsole('jobs.list', {});
  await expect.poll(async () => (await callConsole('migration.status', { jobId: job!.jobId })).state, { timeout: 60_000 }).toBe('completed');
  await page.context().close();
});
