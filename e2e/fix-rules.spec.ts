import { expect, test } from '@playwright/test';

/** The Migrate page's fix rules: a profile loaded from a file, and the dry run showing what each rule does. */
test('a profile from a file: the dry run shows each rule\'s effect and nothing left unmigratable', async ({ page }) => {
  await page.goto(process.env.AWC_E2E_URL!);
  await page.getByRole('button', { name: 'Use sandbox connections' }).click();
  await page.getByRole('link', { name: 'Migrate' }).click();
  // Without a profile, the planted documents are problems, with their reasons in the table.
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('plan-problems').first()).toContainText(/\[(ITEM_TOO_LARGE|UNSUPPORTED_VALUE|NO_KEY)\]/);
  await expect(page.getByTestId('plan-problems')).toHaveCount(4);

  await page.getByText('Fix rules (migration profile)').click();
  await page.getByLabel('Profile file').setInputFiles('examples/sample-data.profile.json');
  await expect(page.getByLabel('Migration profile JSON')).toHaveValue(/"version": 1/);
  await expect(page.getByText('Fix rules (migration profile): 4 collections')).toBeVisible();
  await page.getByRole('button', { name: 'Dry run' }).click();
  const effects = page.getByTestId('rule-effects');
  await expect(effects.getByRole('row')).toHaveCount(5);
  await expect(effects).toContainText('emptyIndexKey:omit');
  await expect(effects).toContainText('alert-status-missing · status: null → (omitted: not in status-index)');
  await expect(effects).toContainText('regex:map');
  await expect(effects).toContainText('nonStringId:string');
  await expect(effects).toContainText('oversized:gzip');
  await expect(page.getByTestId('plan-problems')).toHaveCount(0);
  await effects.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/fix-rules-plan.png', fullPage: true });

  // Prices: the DynamoDB connection's region (the sandbox's is us-east-1); another region plans again at its prices.
  const prices = page.getByTestId('price-region');
  await expect(prices.getByLabel('Price region')).toHaveValue('us-east-1');
  await expect(prices).toContainText("the DynamoDB connection's region");
  await expect(page.getByText('on-demand write prices of us-east-1 ($0.625 per million write units')).toBeVisible();
  await prices.getByLabel('Price region').selectOption('eu-central-1');
  await expect(page.getByText('on-demand write prices of eu-central-1 ($0.7625 per million write units')).toBeVisible();
  await expect(prices).toContainText('(chosen)');
  await expect(prices.getByLabel('Price region')).toHaveValue('eu-central-1');
  await expect(page.getByTestId('rule-effects')).toContainText('oversized:gzip');
  await page.getByTestId('plan-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/plan-price-region.png', fullPage: true });

  // A broken profile is not used, and says why in one line.
  await page.getByLabel('Migration profile JSON').fill('{ "version": 2 }');
  await expect(page.getByRole('alert')).toContainText('Profile not used: version:');
});
