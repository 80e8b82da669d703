import { expect, test, type Page } from '@playwright/test';
import { callConsole } from './contract-client';
import { DYNAMO, MONGO } from './feature-helpers';
import { browse, openWithSandbox } from './sandbox-page';

/**
 * Support staff's everyday question, asked as they ask it on each backend: the active alerts of
 * one company at one severity in the last 24 hours, newest first; open the newest, acknowledge
 * it, follow it to its incident. Both backends must answer with the same alerts.
 */
test.describe.configure({ mode: 'serial' });

let page: Page;
let question: { company: string; status: string; severity: string; alert: { id: string; incident_id: string } };

const documentId = () => page.getByRole('region', { name: 'Document' }).locator('.panel-header .mono');
const since = () => ({ $date: new Date(Date.now() - 24 * 3_600_000 + 60_000).toISOString() });

/**
 * A company, status and severity with alerts in the last day, one of which (not yet
 * acknowledged) has an incident to follow. Active first; the 500-alert sandbox has only a few
 * active alerts in a day, none of them in an incident on some days, so then any status.
 */
async function pickQuestion(): Promise<typeof question> {
  const companies = (await callConsole('documents.find', { connectionId: MONGO, collection: 'companies', filter: {}, options: { limit: 100 } })).documents;
  for (const status of ['active', '']) {
    for (const severity of ['critical', 'high', 'medium', 'low']) {
      for (const company of companies.map((c) => String(c.id))) {
        const filter = { company_id: company, ...(status ? { status } : {}), severity, timestamp: { $gte: since() } };
        const alerts = (await callConsole('documents.find', { connectionId: MONGO, collection: 'alerts', filter, options: { limit: 100 } })).documents;
        const linked = alerts.find((a) => typeof a.incident_id === 'string' && a.status !== 'acknowledged');
        if (linked) return { company, status, severity, alert: { id: String(linked.id), incident_id: String(linked.incident_id) } };
      }
    }
  }
  throw new Error('no alert of the last 24 hours has an incident');
}

test.beforeAll(async ({ browser }) => {
  page = await openWithSandbox(browser, { width: 1440, height: 900 });
  question = await pickQuestion();
});
test.afterAll(() => page.context().close());

const isoOf = (value: unknown) => String(typeof value === 'object' && value !== null ? (value as { $date: unknown }).$date : value);

/** The quick filters as support staff set them, newest first; returns the alert ids shown. */
async function askTheQuestion(backend: 'MongoDB' | 'DynamoDB', connectionId: string): Promise<string[]> {
  await browse(page, backend);
  await page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ }).click();
  const quick = page.getByRole('form', { name: 'Quick filters' });
  await quick.getByRole('combobox', { name: 'Company' }).selectOption(question.company);
  await quick.getByRole('combobox', { name: 'Status' }).selectOption(question.status);
  await quick.getByRole('combobox', { name: 'Severity' }).selectOption(question.severity);
  await quick.getByRole('button', { name: 'Last 24 hours' }).click();
  await quick.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByRole('textbox', { name: 'Sort field' }).fill('timestamp');
  await page.getByRole('combobox', { name: 'Sort direction' }).selectOption('-1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const rows = page.getByTestId('result-row');
  await expect(rows.locator('[data-column=id]', { hasText: question.alert.id })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Filter', exact: true })).toHaveValue(/"timestamp":\{"\$gte":\{"\$date"/);
  // The grid may still be drawing the new rows: ask until it has settled.
  await expect.poll(async () => new Set(await rows.locator('[data-column=severity]').allTextContents())).toEqual(new Set([question.severity]));
  const ids = await rows.locator('[data-column=id]').allTextContents();
  // Newest first, checked against the stored timestamps.
  const stored = (await callConsole('documents.find', { connectionId, collection: 'alerts', filter: { id: { $in: ids } }, options: { limit: 500 } })).documents;
  const times = ids.map((id) => isoOf(stored.find((d) => d.id === id)?.timestamp));
  expect(times).toEqual([...times].sort().reverse());
  expect(times.every((t) => Date.parse(t) >= Date.now() - 25 * 3_600_000)).toBe(true);
  return ids;
}

/** Opens the alert from the grid, acknowledges it and follows its incident_id. */
async function acknowledgeAndFollow(backend: 'MongoDB' | 'DynamoDB', connectionId: string): Promise<void> {
  await page.getByTestId('result-row').filter({ has: page.locator('[data-column=id]', { hasText: question.alert.id }) }).click();
  await expect(documentId()).toHaveText(question.alert.id);
  // The name is typed once (MongoDB comes first) and remembered for the next acknowledgement.
  const by = page.getByRole('textbox', { name: 'Acknowledged by' });
  if (backend === 'MongoDB') await by.fill('Support Journey');
  await expect(by).toHaveValue('Support Journey');
  await page.screenshot({ path: `e2e/screenshots/support-journey-${backend.toLowerCase()}.png` });
  await page.getByRole('button', { name: 'Acknowledge alert' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const [stored] = (await callConsole('documents.find', { connectionId, collection: 'alerts', filter: { id: question.alert.id }, options: { limit: 1 } })).documents;
  expect(stored).toMatchObject({ status: 'acknowledged', acknowledged_by: 'Support Journey' });
  // A Date on MongoDB, the ISO-8601 string on DynamoDB.
  if (backend === 'MongoDB') expect(stored?.acknowledged_at).toEqual({ $date: expect.any(String) });
  else expect(stored?.acknowledged_at).toMatch(/^\d{4}-\d\d-\d\dT/);

  await page.getByRole('navigation', { name: 'Related documents' }).getByRole('button', { name: question.alert.incident_id }).click();
  await expect(page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /incidents/ })).toHaveAttribute('aria-current', 'true');
  await expect(documentId()).toHaveText(question.alert.incident_id);
  await page.screenshot({ path: `e2e/screenshots/support-journey-${backend.toLowerCase()}-incident.png` });
}

test('support journey on MongoDB then DynamoDB: the same alerts on both, acknowledge, follow the incident', async () => {
  // Acknowledging on MongoDB changes only MongoDB's copy, so DynamoDB is asked the same question after.
  const onMongo = await askTheQuestion('MongoDB', MONGO);
  await acknowledgeAndFollow('MongoDB', MONGO);
  const onDynamo = await askTheQuestion('DynamoDB', DYNAMO);
  expect(onMongo.length).toBeGreaterThan(0);
  expect(onDynamo).toEqual(onMongo);
  await acknowledgeAndFollow('DynamoDB', DYNAMO);
});

test('edits a whole alert as Extended JSON, previews old → new, and saves with the types kept', async () => {
  await browse(page, 'MongoDB');
  await page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ }).click();
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill(JSON.stringify({ id: question.alert.id }));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('result-row').first().click();
  await page.getByRole('button', { name: 'Edit document' }).click();

  const editor = page.getByRole('textbox', { name: /Document \(Extended JSON/ });
  const shown = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
  expect(shown.timestamp).toEqual({ $date: expect.any(String) });
  const { asset_name: removed, ...kept } = shown;
  expect(removed).toBeDefined();
  const timestamp = '2026-01-02T03:04:05.000Z';
  await editor.fill(JSON.stringify({ ...kept, timestamp: { $date: timestamp }, note: 'checked by support' }, null, 2));
  await page.getByRole('button', { name: 'Preview changes' }).click();

  const preview = page.getByTestId('change-preview');
  await expect(preview.locator('li[data-field=timestamp]')).toContainText(timestamp);
  await expect(preview.locator('li[data-field=timestamp]')).toContainText('changed');
  await expect(preview.locator('li[data-field=asset_name]')).toContainText('removed');
  await expect(preview.locator('li[data-field=note]')).toContainText('added');
  await expect(preview.locator('li')).toHaveCount(3);
  await page.screenshot({ path: 'e2e/screenshots/support-journey-edit-preview.png' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('document-json')).toContainText('checked by support');

  const [stored] = (await callConsole('documents.find', { connectionId: MONGO, collection: 'alerts', filter: { id: question.alert.id }, options: { limit: 1 } })).documents;
  // Still a Date (the driver writes it without milliseconds), not the text of one.
  expect(stored?.timestamp).toEqual({ $date: expect.any(String) });
  expect(Date.parse((stored?.timestamp as { $date: string }).$date)).toBe(Date.parse(timestamp));
  expect(stored?.note).toBe('checked by support');
  expect(stored).not.toHaveProperty('asset_name');
  // Untouched fields are not rewritten: the metrics' Long reads back exactly as the editor showed it.
  expect(stored?.metrics).toEqual(shown.metrics);
});
