import { PRICE_REGIONS } from '../../../../shared/aws-prices';
import type { MigrationPlan } from '../../../../shared/migration';

/**
 * The region whose AWS prices the plan costs with: the DynamoDB connection's by default (the plan
 * says which it used and why); choosing another plans again with that region's prices.
 */
export function PriceRegionSelect({ plan, asked, onChoose, disabled }: { plan?: MigrationPlan; asked?: string; onChoose(region: string): void; disabled: boolean }) {
  const region = asked ?? plan?.prices.region ?? '';
  return (
    <span className="small" data-testid="price-region">
      <label>Prices of{' '}
        <select className="input input-small" aria-label="Price region" value={region} disabled={disabled} onChange={(e) => onChoose(e.target.value)}>
          {region === '' && <option value="">the connection's region</option>}
          {PRICE_REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      {plan && <span className="muted" title={plan.prices.source}> as of {plan.prices.asOf} ({plan.prices.chosenBy}): a dated snapshot, check the AWS pricing page</span>}
    </span>
  );
}
