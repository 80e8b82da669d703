import { expect, test, type Page } from '@playwright/test';
import { callConsole } from './contract-client';
import { browse, openWithSandbox } from './sandbox-page';

/** Browse by keyboard and by the links between documents, as support staff move all day. */
test.describe.configure({ mode: 'serial' });

let page: Page;
const filter = () => page.getByRole('textbox', { name: 'Filter', exact: true });
const documentId = () => page.getByRole('region', { name: 'Document' }).locator('.panel-header .mono');

test.beforeAll(async ({ browser }) => {
  page = await openWithSandbox(browser);
  await browse(page, 'MongoDB');
});
test.afterAll(() => page.context().close());

test('reaches the filter from the skip link, focuses it with /, runs with Ctrl+Enter', async () => {
  await page.reload();
  await expect(page.getByTestId('result-row').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(filter()).toBeFocused();

  await page.getByRole('heading', { name: 'Browse' }).click();
  await page.keyboard.press('/');
  await expect(filter()).toBeFocused();
  await filter().fill('{"severity": "critical"}');
  await page.getByRole('heading', { name: 'Browse' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('result-row').first().locator('[data-column=severity]')).toHaveText('critical');
  const severities = await page.getByTestId('result-row').locator('[data-column=severity]').allTextContents();
  expect(new Set(severities)).toEqual(new Set(['critical']));
});

test('moves through the grid with the arrow keys, opens a row with Enter, closes it with Escape', async () => {
  const grid = page.getByTestId('results');
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'result-row-2');
  const third = await page.getByTestId('result-row').nth(2).locator('[data-column=id]').textContent();
  await page.keyboard.press('Enter');
  await expect(documentId()).toHaveText(third!);
  await expect(page.getByTestId('result-row').nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(grid).not.toHaveAttribute('aria-activedescendant', 'result-row-2');
  await page.keyboard.press('Escape');
  await expect(page.getByText('No document selected')).toBeVisible();
});

test('opens incident_id, alert_ids, company_id and runbook_id in their collections', async () => {
  const alerts = (await callConsole('documents.find', { connectionId: 'sandbox-mongodb', collection: 'alerts', filter: {}, options: { limit: 500 } })).documents;
  const alert = alerts.find((a) => typeof a.incident_id === 'string' && typeof a.runbook_id === 'string') ?? alerts.find((a) => typeof a.incident_id === 'string')!;
  await filter().fill(JSON.stringify({ id: alert.id }));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('result-row').first().click();
  const related = page.getByRole('navigation', { name: 'Related documents' });

  await related.getByRole('button', { name: String(alert.incident_id) }).click();
  await expect(page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /incidents/ })).toHaveAttribute('aria-current', 'true');
  await expect(documentId()).toHaveText(String(alert.incident_id));
  await expect(filter()).toHaveValue(JSON.stringify({ id: alert.incident_id }));
  await page.screenshot({ path: 'e2e/screenshots/navigation-incident.png' });

  await related.getByRole('button', { name: String(alert.id) }).click();
  await expect(documentId()).toHaveText(String(alert.id));
  await related.getByRole('button', { name: String(alert.company_id) }).click();
  await expect(documentId()).toHaveText(String(alert.company_id));
  await expect(page.getByTestId('document-json')).toContainText('"name"');

  if (typeof alert.runbook_id === 'string') {
    await page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ }).click();
    await filter().fill(JSON.stringify({ id: alert.id }));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // A reference in the grid is a link too.
    await page.getByTestId('result-row').first().locator('[data-column=runbook_id]').getByRole('button').click();
    await expect(documentId()).toHaveText(alert.runbook_id);
  }
});

test('starts another collection unfiltered, with Clear there too; picks a company by name', async () => {
  await page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ }).click();
  await filter().fill('{"severity": "low"}');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /^users/ }).click();
  await expect(filter()).toHaveValue('');
  await expect(page.getByTestId('result-row').first()).toBeVisible();
  await filter().fill('{"role": "viewer"}');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(filter()).toHaveValue('');

  await page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /alerts/ }).click();
  const [company] = (await callConsole('documents.find', { connectionId: 'sandbox-mongodb', collection: 'companies', filter: {}, options: { limit: 1 } })).documents;
  await page.getByRole('combobox', { name: 'Company' }).selectOption({ label: String(company?.name) });
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(filter()).toHaveValue(JSON.stringify({ company_id: company?.id }));
  await expect(page.getByTestId('result-row').first().locator('[data-column=company_id]')).toHaveText(String(company?.id));
});
