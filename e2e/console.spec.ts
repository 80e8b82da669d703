import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startConsoleProcess } from './console-process';
import { callConsole } from './contract-client';

/**
 * The console as a user drives it, in order: connect to the sandbox, migrate, browse with an
 * indexed filter, a bad filter, tamper with one item and find it in Verify, the template.
 */
test.describe.configure({ mode: 'serial' });

let page: Page;
const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await page.goto(process.env.AWC_E2E_URL!);
});
test.afterAll(() => page.close());

test('shows empty states until connections are chosen', async ({ browser }) => {
  const fresh = await browser.newPage();
  await fresh.goto(`${process.env.AWC_E2E_URL!}#/migrate`);
  await expect(fresh.getByText('A migration needs a MongoDB source and a DynamoDB target')).toBeVisible();
  await fresh.getByRole('link', { name: 'Browse' }).click();
  await expect(fresh.getByText('No connection selected')).toBeVisible();
  await fresh.screenshot({ path: 'e2e/screenshots/00-browse-empty.png' });
  await fresh.close();
});

test('connects to the local sandbox', async () => {
  await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);
  await page.getByRole('button', { name: 'Use sandbox connections' }).click();
  for (const id of ['sandbox-mongodb', 'sandbox-dynamodb']) {
    const card = page.getByTestId(`connection-${id}`);
    await expect(card.getByText('In use')).toBeVisible();
    await card.getByRole('button', { name: 'Test' }).click();
    await expect(card.getByText('Connected')).toBeVisible();
  }
  await expect(page.getByText('secret saved')).toHaveCount(1);
  await shot('01-connections');
});

test('checks a new connection as typed, tests it with a clear result, and never shows a saved secret', async () => {
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'New connection' }) });
  await form.getByLabel('Connection URL').fill('http://127.0.0.1:1');
  await expect(form.locator('.inline-errors')).toContainText('a MongoDB URL starts with mongodb://');
  await form.getByLabel('Connection URL').fill('mongodb://127.0.0.1:1/nowhere');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByText('Connection failed')).toBeVisible({ timeout: 30_000 });
  await expect(form.getByText('UNREACHABLE')).toBeVisible();
  await shot('01b-connection-test-failed');

  await form.getByRole('tab', { name: 'DynamoDB' }).click();
  await form.getByLabel('Name').fill('Keys for a test');
  await form.getByLabel('Endpoint').fill('http://127.0.0.1:1');
  await form.getByRole('radio', { name: 'Access keys' }).check();
  await form.getByLabel('Access key ID').fill('AKIAE2ETEST');
  await form.getByLabel('Secret access key').fill('e2e-very-secret-value');
  await form.getByRole('button', { name: 'Save connection' }).click();
  const card = page.locator('article', { hasText: 'Keys for a test' });
  await expect(card.getByText('secret saved')).toBeVisible();
  await expect(card).toContainText('keys AKIAE2ETEST');
  expect(await page.content()).not.toContain('e2e-very-secret-value');
  const listed = await callConsole('connections.list', {});
  expect(JSON.stringify(listed)).not.toContain('e2e-very-secret-value');
  await card.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('dialog', { name: 'Remove this connection?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(card).toBeHidden();
  // Saving did not make it the target: the sandbox's is still in use.
  await expect(page.getByTestId('connection-sandbox-dynamodb').getByText('In use')).toBeVisible();
});

test('plans and runs a migration to 100 %', async () => {
  await page.getByRole('link', { name: 'Migrate' }).click();
  await page.getByRole('button', { name: 'Dry run' }).click();
  const plan = page.getByTestId('plan-table');
  await expect(plan.getByRole('row', { name: /alerts/ }).first()).toContainText('500');
  // Adaptive is the default: no number is sent, and the progress shows what the engine chose.
  await expect(page.getByRole('combobox', { name: 'Concurrency' })).toHaveValue('adaptive');
  await page.getByRole('button', { name: 'Start migration' }).click();
  const overall = page.getByRole('progressbar', { name: 'Overall progress' });
  await expect(overall).toBeVisible();
  await expect(page.getByTestId('migration-progress')).toHaveAttribute('data-state', 'completed', { timeout: 90_000 });
  await expect(page.getByTestId('concurrency')).toHaveText(/^\d+ \(adaptive, peak \d+\)$/);
  await expect(overall).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByRole('progressbar', { name: 'alerts progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByRole('region', { name: 'Error log' })).toBeVisible();
  await page.waitForTimeout(400); // let the bars' width transition finish for the screenshot
  await shot('02-migrate');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^migration-errors-.*\.csv$/);
  // The job lives in the server: a reloaded page (token kept for the tab) finds it again.
  await page.reload();
  await expect(page.getByTestId('migration-progress')).toHaveAttribute('data-state', 'completed');
});

test('browses alerts on DynamoDB with an indexed filter and shows the plan', async () => {
  const [sample] = (await callConsole('documents.find', { connectionId: 'sandbox-mongodb', collection: 'alerts', filter: {}, options: { limit: 1 } })).documents;
  const company = String(sample?.company_id);
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByRole('tab', { name: 'DynamoDB' }).click();
  await expect(page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill(JSON.stringify({ company_id: company, timestamp: { $gte: '2000-01-01' } }));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const plan = page.getByTestId('plan');
  await expect(plan).toContainText('Query on company-timestamp-index');
  await expect(page.getByTestId('indexes')).toContainText('status-index');
  await expect(page.getByTestId('result-row').first()).toContainText(company);
  await page.getByTestId('result-row').first().click();
  await expect(page.getByTestId('document-json')).toContainText(company);
  await shot('03-browse-dynamodb-query');
});

test('shows a bad filter inline and does not run it', async () => {
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill('{"status": {"$where": "sleep(100)"}}');
  const errors = page.getByTestId('filter-errors');
  await expect(errors).toContainText('$where runs code on the server and is refused');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await shot('04-browse-bad-filter');
  // Shell syntax is accepted (unquoted keys, literals); a broken literal is named, not run.
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill('{timestamp: {$gte: ISODate("yesterday")}}');
  await expect(errors).toContainText('ISODate("yesterday") is not a valid literal');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Filter', exact: true }).fill('{status: "active"');
  await expect(errors).toContainText('Not a valid filter');
});

test('picks the index on DynamoDB, and says inline what a pick needs from the filter', async () => {
  const [sample] = (await callConsole('documents.find', { connectionId: 'sandbox-dynamodb', collection: 'alerts', filter: { status: 'active' }, options: { limit: 1 } })).documents;
  const filter = page.getByRole('textbox', { name: 'Filter', exact: true });
  const plan = page.getByTestId('plan');
  const index = page.getByRole('combobox', { name: 'Index', exact: true });
  await filter.fill(JSON.stringify({ status: 'active', company_id: sample?.company_id, timestamp: { $gte: '2000-01-01' } }));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(plan).toContainText('Query on company-timestamp-index');
  await expect(index.getByRole('option')).toHaveText(['Auto', 'company-timestamp-index', 'status-index', 'Scan']);
  await index.selectOption('status-index');
  await expect(plan).toContainText('Query on status-index');
  await expect(page.getByTestId('result-row').first()).toContainText(String(sample?.company_id));
  await shot('04b-browse-index-picker');
  await index.selectOption('scan');
  await expect(plan.locator('.plan-operation')).toHaveText('Scan');
  await index.selectOption('status-index');
  await filter.fill('{"severity": "critical"}');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('index-error')).toContainText('status-index needs an equality on status');
  await expect(plan).toBeHidden();
  await shot('04c-browse-index-refused');
  await index.selectOption('');
  await expect(page.getByTestId('index-error')).toBeHidden();
  await expect(plan.locator('.plan-operation')).toHaveText('Scan');
});

test('browses MongoDB with quick filters', async () => {
  await page.getByRole('tab', { name: 'MongoDB' }).click();
  await page.getByLabel('Severity').selectOption('critical');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByTestId('plan')).toContainText('Find');
  await expect(page.getByTestId('result-row').first()).toContainText('critical');
  await shot('05-browse-mongodb');
  // Every alert loaded, but only the visible rows are in the DOM.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.getByLabel('Page size').selectOption('1000');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText('500 loaded')).toBeVisible();
  await expect(page.getByTestId('results')).toHaveAttribute('aria-rowcount', '500');
  expect(await page.getByTestId('result-row').count()).toBeLessThan(60);
});

test('finds a tampered item in Verify and shows both sides', async () => {
  const [item] = (await callConsole('documents.find', { connectionId: 'sandbox-dynamodb', collection: 'alerts', filter: {}, options: { limit: 1 } })).documents;
  const id = String(item?.id);
  expect(await callConsole('documents.update', { connectionId: 'sandbox-dynamodb', collection: 'alerts', filter: { id }, update: { $set: { message: 'tampered by the e2e test' } } })).toEqual({ modified: 1 });

  await page.getByRole('link', { name: 'Verify' }).click();
  await page.getByRole('checkbox', { name: 'All collections' }).uncheck();
  await page.getByRole('checkbox', { name: 'alerts', exact: true }).check();
  await page.getByRole('button', { name: 'Run verify' }).click();
  const row = page.getByTestId('verify-row-alerts');
  await expect(row).toContainText('✗', { timeout: 60_000 });
  await row.getByRole('button', { name: 'alerts' }).click();
  await page.getByTestId('different-ids').getByRole('button', { name: id }).click();
  await expect(page.getByTestId('diff-fields')).toContainText('message');
  await expect(page.getByTestId('diff-target').locator('.json-diff')).toContainText('tampered by the e2e test');
  await expect(page.getByTestId('diff-source').locator('.json-diff')).toBeVisible();
  await shot('06-verify-diff');

  // The way back: every item compared with the document under its key; the tampered one differs there too.
  await page.getByRole('button', { name: 'Swap direction' }).click();
  await page.getByRole('button', { name: 'Run verify' }).click();
  await expect(page.getByRole('button', { name: 'Run verify' })).toBeEnabled({ timeout: 60_000 });
  // Counts read source first: DynamoDB's, then MongoDB's.
  await expect(page.locator('table:has([data-testid^="verify-row-"]) thead th.num').first()).toHaveText('DynamoDB');
  await expect(row).toContainText('✗');
  await row.getByRole('button', { name: 'alerts' }).click();
  await expect(page.getByTestId('different-ids').getByRole('button', { name: id })).toBeVisible();
  await page.getByRole('button', { name: 'Swap direction' }).click();
});

test('acknowledges an alert and deletes one after confirmation', async () => {
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByRole('tab', { name: 'DynamoDB' }).click();
  const filter = page.getByRole('textbox', { name: 'Filter', exact: true });
  await filter.fill('{"status": "active"}');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('plan')).toContainText('Query on status-index');
  const first = page.getByTestId('result-row').first();
  const id = (await first.locator('[role=gridcell][data-column=id]').textContent())!;
  await first.click();
  // DynamoDB connections have no user: who acknowledges is asked once, then remembered.
  await page.getByRole('textbox', { name: 'Acknowledged by' }).fill('Dana (support)');
  await page.getByRole('button', { name: 'Acknowledge alert' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  expect(await callConsole('documents.findOne', { connectionId: 'sandbox-dynamodb', collection: 'alerts', filter: { id } })).toMatchObject({ document: { status: 'acknowledged', acknowledged_by: 'Dana (support)' } });

  await page.getByTestId('result-row').nth(1).click();
  const doomed = (await page.getByTestId('result-row').nth(1).locator('[role=gridcell][data-column=id]').textContent())!;
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this document?' });
  await expect(dialog).toContainText(doomed);
  await shot('07-browse-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  expect(await callConsole('documents.findOne', { connectionId: 'sandbox-dynamodb', collection: 'alerts', filter: { id: doomed } })).toEqual({ document: null });
});

test('previews the CloudFormation template', async () => {
  await page.getByRole('link', { name: 'CloudFormation' }).click();
  await expect(page.getByTestId('template-json')).toContainText('AWS::DynamoDB::Table');
  await expect(page.getByTestId('template-json')).toContainText('company-timestamp-index');
  await shot('08-cloudformation');
});

test('reads well in dark mode', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('link', { name: 'Browse' }).click();
  await expect(page.getByTestId('result-row').first()).toBeVisible();
  await page.getByTestId('result-row').nth(2).click();
  await shot('09-browse-dark');
  await page.getByRole('link', { name: 'Migrate' }).click();
  await expect(page.getByTestId('migration-progress')).toBeVisible();
  await shot('10-migrate-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('opens with the connections the environment sets up, DATABASE_TYPE first, and refuses a bad one', async ({ browser }) => {
  const saved = await callConsole('connections.list', {});
  const mongo = saved.find((c) => c.id === 'sandbox-mongodb')!;
  const dynamo = saved.find((c) => c.id === 'sandbox-dynamodb')!;
  const env = { DATABASE_TYPE: 'dynamodb', MONGO_URL: mongo.url!, AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint!, DYNAMODB_TABLE_PREFIX: dynamo.tablePrefix!, AWS_REGION: dynamo.region! };
  await expect(startConsoleProcess(undefined, { ...env, DATABASE_TYPE: 'postgres' })).rejects.toThrow(/exited with 2:\nError: DATABASE_TYPE=postgres is not supported: set it to mongodb \(the default\) or dynamodb\./);
  // The AWS profiles the console offers come from the files these variables name.
  const aws = mkdtempSync(join(tmpdir(), 'awc-e2e-aws-'));
  writeFileSync(join(aws, 'config'), '[default]\nregion = us-east-1\n[profile support-readonly]\nregion = eu-west-1\n');
  writeFileSync(join(aws, 'credentials'), '[ci]\naws_access_key_id = AKIAE2EPROFILE\naws_secret_access_key = e2e-profile-secret\n');
  const started = await startConsoleProcess(undefined, { ...env, AWS_CONFIG_FILE: join(aws, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials') });
  const fresh = await browser.newPage();
  try {
    await fresh.goto(`${started.url}#/browse`);
    await expect(fresh.getByRole('tab', { name: 'DynamoDB' })).toHaveAttribute('aria-selected', 'true');
    await expect(fresh.locator('.subtitle')).toHaveText('Environment · DynamoDB');
    await expect(fresh.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ })).toContainText(/\d/);
    await expect(fresh.locator('.sidebar-footer')).toContainText('Environment · MongoDB');
    await fresh.getByRole('tab', { name: 'MongoDB' }).click();
    await expect(fresh.getByTestId('plan')).toContainText('Find');
    await expect(fresh.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ })).toContainText(/\d/);
    await fresh.screenshot({ path: 'e2e/screenshots/11-browse-environment-connections.png' });

    await fresh.getByRole('link', { name: 'Connections' }).click();
    const form = fresh.locator('form', { has: fresh.getByRole('heading', { name: 'New connection' }) });
    await form.getByRole('tab', { name: 'DynamoDB' }).click();
    await form.getByRole('radio', { name: 'Profile' }).check();
    const profile = form.getByRole('combobox', { name: 'Profile' });
    await expect(profile.getByRole('option')).toHaveText(['Choose a profile…', 'default', 'ci', 'support-readonly']);
    await profile.selectOption('support-readonly');
    await expect(form.getByText('3 found in ~/.aws/config and ~/.aws/credentials.')).toBeVisible();
    expect(await fresh.content()).not.toMatch(/AKIAE2EPROFILE|e2e-profile-secret/);
    await form.screenshot({ path: 'e2e/screenshots/12-connection-aws-profiles.png' });
  } finally {
    await fresh.close();
    await started.stop();
  }
});
