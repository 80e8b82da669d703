import { COLLECTION_NAMES } from '../../../shared/catalogue';

export function CollectionPicker({ selected, onChange }: { selected: string[]; onChange(next: string[]): void }) {
  const all = selected.length === COLLECTION_NAMES.length;
  return (
    <div className="collection-picker">
      <label className="check check-all">
        <input type="checkbox" checked={all} onChange={() => onChange(all ? [] : [...COLLECTION_NAMES])} />All collections
      </label>
      <div className="check-grid">
        {COLLECTION_NAMES.map((name) => (
          <label key={name} className="check">
            <input type="checkbox" checked={selected.includes(name)} onChange={() => onChange(selected.includes(name) ? selected.filter((n) => n !== name) : COLLECTION_NAMES.filter((n) => n === name || selected.includes(n)))} />
            {name}
          </label>
        ))}
      </div>
    </div>
  );
}
