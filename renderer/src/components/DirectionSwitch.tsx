import type { SavedConnection } from '../../../shared/contract';

/**
 * Which way a migration or a verify goes: MongoDB → DynamoDB, or back (a cutover rolled back,
 * production data copied into a development MongoDB). The button swaps source and target.
 */
export function DirectionSwitch({ mongo, dynamo, back, onSwap, disabled }: { mongo: SavedConnection; dynamo: SavedConnection; back: boolean; onSwap(): void; disabled?: boolean }) {
  const ends = back ? [dynamo, mongo] : [mongo, dynamo];
  const dot = (c: SavedConnection) => <span className={`dot ${c.backend === 'mongodb' ? 'dot-mongo' : 'dot-dynamo'}`} />;
  return (
    <span className="direction" data-testid="direction">
      {dot(ends[0]!)}{ends[0]!.name} <span className="arrow">→</span> {dot(ends[1]!)}{ends[1]!.name}
      <button type="button" className="button button-small" onClick={onSwap} disabled={disabled} aria-label="Swap direction" title="Swap source and target: copy or compare the other way">⇄ Swap</button>
    </span>
  );
}
