import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ts from 'typescript';
import { callConsole } from './contract-client';
import { DYNAMO, MONGO, ensureMigrated, expectNoHorizontalOverflow, openConsole, parseCsv } from './feature-helpers';

/** Browse's result tools: export of a whole result, copy as code, copy a document, saved queries, the count. */
test.describe.configure({ mode: 'serial' });

let page: Page;
const FILTER = { status: { $in: ['active', 'resolved'] } };

test.beforeAll(async ({ browser }) => {
  await ensureMigrated();
  page = await openConsole(browser);
});
test.afterAll(() => page.context().close());

const readClipboard = () => page.evaluate<string>('navigator.clipboard.readText()');

async function browse(backend: 'MongoDB' | 'DynamoDB', filter: unknown, pageSize = '50') {
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByRole('tab', { name: backend }).click();
  await page.getByRole('combobox', { name: 'Page size' }).selectOption(pageSize);
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill(JSON.stringify(filter));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('result-row').first()).toBeVisible();
}

/** Opens a tool's panel; a click on an open one would close it. */
async function openTool(name: string) {
  const button = page.getByRole('button', { name, exact: true });
  if (await button.getAttribute('aria-expanded') !== 'true') await button.click();
}

async function exportAs(format: string): Promise<string> {
  await page.getByRole('combobox', { name: 'Export format' }).selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all matches' }).click()]);
  await expect(page.getByTestId('export-progress')).toContainText('saved as');
  return readFileSync((await download.path())!, 'utf8');
}

test('exports every match of a filter, not just the loaded page, as CSV, JSON and DynamoDB JSON', async () => {
  const { count } = await callConsole('documents.count', { connectionId: DYNAMO, collection: 'alerts', filter: FILTER });
  await browse('DynamoDB', FILTER);
  await expect(page.getByTestId('result-row')).not.toHaveCount(count);
  expect(count).toBeGreaterThan(50);
  await openTool('Export…');

  const csv = parseCsv(await exportAs('csv'));
  const [header, ...rows] = csv;
  expect(header).toEqual(expect.arrayContaining(['id', 'status', 'metadata.host', 'metrics.value']));
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => r.length === header!.length)).toBe(true);
  const status = header!.indexOf('status');
  expect(new Set(rows.map((r) => r[status]))).toEqual(new Set(['active', 'resolved']));
  await expect(page.getByTestId('export-progress')).toContainText(`${count.toLocaleString('en-US')} exported`);
  await page.screenshot({ path: 'e2e/screenshots/10-export.png', fullPage: true });

  const json = JSON.parse(await exportAs('json')) as { id: string }[];
  expect(json).toHaveLength(count);
  expect(new Set(json.map((d) => d.id)).size).toBe(count);

  const items = (await exportAs('dynamodb-json')).trim().split('\n').map((l) => JSON.parse(l) as { Item: Record<string, unknown> });
  expect(items).toHaveLength(count);
  expect(items[0]!.Item).toMatchObject({ id: { S: expect.any(String) }, status: { S: expect.stringMatching(/active|resolved/) } });
});

test('copies the planned DynamoDB Query as an AWS CLI command and as SDK JavaScript that parses', async () => {
  const [sample] = (await callConsole('documents.find', { connectionId: DYNAMO, collection: 'alerts', filter: {}, options: { limit: 1 } })).documents;
  await browse('DynamoDB', { company_id: sample!.company_id, timestamp: { $gte: '2000-01-01' }, severity: 'critical' }, '100');
  await openTool('Copy as code');
  const code = page.getByTestId('copied-code');
  await expect(code).toContainText('aws dynamodb query --table-name AlertWhisperer_alerts --index-name company-timestamp-index --key-condition-expression');
  await expect(code).toContainText('--expression-attribute-values');
  await expect(code).toContainText(`{"S":"${String(sample!.company_id)}"}`);
  await page.getByRole('button', { name: 'Copy AWS CLI' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await readClipboard()).toBe(await code.textContent());
  await page.screenshot({ path: 'e2e/screenshots/11-copy-as-code.png', fullPage: true });

  await page.getByRole('tab', { name: 'SDK JavaScript' }).click();
  await expect(code).toContainText('new QueryCommand(');
  const sdk = (await code.textContent())!;
  const parsed = ts.transpileModule(sdk, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  expect(parsed.diagnostics ?? []).toEqual([]);
  expect(sdk).toContain('"IndexName": "company-timestamp-index"');
});

test('copies the MongoDB filter as a mongosh line, and a document and its id', async () => {
  await browse('MongoDB', { severity: 'critical' }, '100');
  await openTool('Copy as code');
  await expect(page.getByTestId('copied-code')).toHaveText('db.alerts.find({"severity":"critical"}).limit(100)');
  await page.getByTestId('result-row').first().click();
  const id = (await page.locator('section[aria-label="Document"] .panel-header .mono').textContent())!;
  expect(id).toMatch(/\S/);
  await page.getByRole('button', { name: 'Copy id' }).click();
  await expect.poll(() => readClipboard()).toBe(id);
  await page.getByRole('button', { name: 'Copy document' }).click();
  await expect.poll(async () => (JSON.parse(await readClipboard()) as { id: string; severity: string })).toMatchObject({ id, severity: 'critical' });
});

test('counts exactly on MongoDB, and on DynamoDB shows the estimate with its source and counts on demand', async () => {
  const { count } = await callConsole('documents.count', { connectionId: MONGO, collection: 'alerts', filter: { severity: 'critical' } });
  await expect(page.getByTestId('result-count')).toHaveText(`${count.toLocaleString('en-US')} match (exact count)`);
  await browse('DynamoDB', { severity: 'critical' });
  await expect(page.getByTestId('result-count')).toContainText('DescribeTable ItemCount, updated about every 6 hours');
  await page.getByRole('button', { name: 'count exactly' }).click();
  const exact = await callConsole('documents.count', { connectionId: DYNAMO, collection: 'alerts', filter: { severity: 'critical' } });
  await expect(page.getByTestId('result-count')).toContainText(`${exact.count.toLocaleString('en-US')} match (exact: Select COUNT`);
});

test('keeps a history of queries and saved queries per collection, and runs one again', async () => {
  await browse('DynamoDB', { severity: 'low' });
  await openTool('Saved & history');
  await page.getByRole('textbox', { name: 'Name for the current query' }).fill('low alerts');
  await page.getByRole('button', { name: 'Save query' }).click();
  const saved = page.getByRole('list', { name: 'Saved queries' });
  await expect(saved).toContainText('low alerts: {"severity":"low"}');
  await expect(page.getByRole('list', { name: 'Recent queries' })).toContainText('{"severity":"critical"}');
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill('{}');
  await saved.getByRole('button', { name: /^low alerts:/ }).click();
  await expect(page.getByRole('textbox', { name: 'Filter', exact: true })).toHaveValue('{"severity":"low"}');
  await expect(page.getByTestId('result-row').first()).toContainText('low');
  await page.reload();
  await page.getByRole('tab', { name: 'DynamoDB' }).click();
  await openTool('Saved & history');
  await expect(page.getByRole('list', { name: 'Saved queries' })).toContainText('low alerts');
});

test('the result tools have no serious or critical accessibility violations, light or dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const tool of ['Export…', 'Copy as code', 'Saved & history']) {
      await openTool(tool);
      // The shared primary button's dark-mode contrast is fixed for every page by the a11y work (issue 15); not checked twice here.
      const { violations } = await new AxeBuilder({ page }).include('.result-tools').exclude('.button-primary').analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${tool}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('fits the result tools at 1024 px', async () => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const toolbar = page.getByRole('toolbar', { name: 'Result tools' });
  await expect(toolbar).toBeVisible();
  // The toolbar wraps inside its column rather than widening it.
  expect(await toolbar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/screenshots/12-browse-tools-1024.png', fullPage: true });
});
