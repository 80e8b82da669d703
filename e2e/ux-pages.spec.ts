import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { callConsole } from './contract-client';
import { openWithSandbox } from './sandbox-page';

/**
 * Every page, filled as a user sees it after a working session, at 1440×900 and 1024×700: no
 * horizontal page overflow, nothing spilling out of its card; and axe-core in light and dark mode
 * finds no serious or critical violation. Screenshots of both widths go to e2e/screenshots/.
 */
// Not serial: a failure on one page does not hide the others' (the page is opened again after one).

const WIDTHS = [{ width: 1440, height: 900 }, { width: 1024, height: 700 }];
let page: Page;

/** Panels whose content is wider than the panel (a table or diff spilling out of its card). */
function spilling(target: Page) {
  return target.locator('.panel').evaluateAll((panels) => panels
    .filter((panel) => panel.scrollWidth > panel.clientWidth + 1)
    .map((panel) => `${panel.getAttribute('aria-label') ?? panel.querySelector('h2')?.textContent ?? panel.className}: ${panel.scrollWidth} > ${panel.clientWidth}`));
}

async function checkLayout(name: string) {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect.soft(overflow, `${name} at ${viewport.width} px overflows horizontally`).toBeLessThanOrEqual(0);
    expect.soft(await spilling(page), `${name} at ${viewport.width} px`).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/layout-${name}-${viewport.width}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS[0]!);
}

async function checkAxe(name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect.soft(serious, `${name} in ${colorScheme} mode`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.beforeAll(async ({ browser }) => {
  page = await openWithSandbox(browser);
});
test.afterAll(() => page.context().close());

test('Connections', async () => {
  await page.getByTestId('connection-sandbox-dynamodb').getByRole('button', { name: 'Test' }).click();
  await expect(page.getByTestId('connection-sandbox-dynamodb').getByText('Connected')).toBeVisible();
  await checkLayout('connections');
  await checkAxe('connections');
});

test('Browse, with a document open and the plan shown', async () => {
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByRole('tab', { name: 'DynamoDB' }).click();
  await page.getByTestId('result-row').first().click();
  await expect(page.getByTestId('document-json')).toBeVisible();
  await expect(page.getByTestId('plan')).toBeVisible();
  // The grid shows what a person reads first.
  expect((await page.getByRole('columnheader').allTextContents()).slice(0, 4)).toEqual(['status', 'severity', 'timestamp', 'message']);
  await checkLayout('browse');
  // At 1024 px the grid and the side panels do not overlap, and the document panel can be reached.
  await page.setViewportSize(WIDTHS[1]!);
  const grid = (await page.getByTestId('results').boundingBox())!;
  const plan = (await page.getByTestId('plan').boundingBox())!;
  expect(grid.y + grid.height <= plan.y || grid.x + grid.width <= plan.x).toBe(true);
  await page.getByTestId('document-json').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('document-json')).toBeInViewport();
  await page.setViewportSize(WIDTHS[0]!);
  await checkAxe('browse');
});

test('Migrate, with a plan and a finished run', async () => {
  await page.getByRole('link', { name: 'Migrate' }).click();
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('plan-table')).toBeVisible();
  await expect(page.getByTestId('migration-progress')).toBeVisible();
  await checkLayout('migrate');
  await checkAxe('migrate');
});

test('Verify, with a difference and its diff open', async () => {
  const [item] = (await callConsole('documents.find', { connectionId: 'sandbox-dynamodb', collection: 'incidents', filter: {}, options: { limit: 1 } })).documents;
  await callConsole('documents.update', { connectionId: 'sandbox-dynamodb', collection: 'incidents', filter: { id: String(item?.id) }, update: { $set: { title: 'changed by the layout test, a long title that has to wrap in the diff table without widening the card at all' } } });
  await page.getByRole('link', { name: 'Verify' }).click();
  await page.getByRole('checkbox', { name: 'All collections' }).uncheck();
  await page.getByRole('checkbox', { name: 'incidents', exact: true }).check();
  await page.getByRole('button', { name: 'Run verify' }).click();
  const row = page.getByTestId('verify-row-incidents');
  await expect(row).toContainText('✗', { timeout: 60_000 });
  await row.getByRole('button', { name: 'incidents' }).click();
  await page.getByTestId('different-ids').getByRole('button', { name: String(item?.id) }).click();
  await expect(page.getByTestId('diff-target')).toBeVisible();
  await expect(page.getByTestId('diff-fields')).toBeInViewport();
  await checkLayout('verify');
  await checkAxe('verify');
});

test('CloudFormation', async () => {
  await page.getByRole('link', { name: 'CloudFormation' }).click();
  await expect(page.getByTestId('template-json')).toBeVisible();
  await checkLayout('cloudformation');
  await checkAxe('cloudformation');
});
