import type { ReactNode } from 'react';

/**
 * A document as indented JSON, each line keyed by its dotted path so differing fields can be
 * highlighted (the Verify page) and a long document stays readable.
 */
export function JsonView({ value, highlight, sortKeys, testId }: { value: unknown; highlight?: ReadonlySet<string>; sortKeys?: boolean; testId?: string }) {
  const lines: ReactNode[] = [];
  render(sortKeys ? sorted(value) : value, '', 0, undefined, lines, highlight ?? new Set(), true);
  // Focusable: it scrolls, and keyboard users must be able to scroll it too.
  return <pre className="json-view" data-testid={testId} tabIndex={0}>{lines}</pre>;
}

function isHighlighted(path: string, highlight: ReadonlySet<string>): boolean {
  return path !== '' && highlight.has(path);
}

function render(value: unknown, path: string, depth: number, key: string | undefined, out: ReactNode[], highlight: ReadonlySet<string>, last: boolean): void {
  const indent = '  '.repeat(depth);
  const label = key === undefined ? '' : `${JSON.stringify(key)}: `;
  const comma = last ? '' : ',';
  const className = isHighlighted(path, highlight) ? 'json-line json-diff' : 'json-line';
  const isObject = typeof value === 'object' && value !== null;
  const entries: [string, unknown][] = !isObject ? [] : Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  if (!isObject || entries.length === 0) {
    const text = isObject ? (Array.isArray(value) ? '[]' : '{}') : JSON.stringify(value ?? null);
    out.push(<span key={out.length} className={className} data-path={path}>{indent}{label}<span className={`json-${valueKind(value)}`}>{text}</span>{comma}{'\n'}</span>);
    return;
  }
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  out.push(<span key={out.length} className={className} data-path={path}>{indent}{label}{open}{'\n'}</span>);
  entries.forEach(([k, v], i) => render(v, path ? `${path}.${k}` : k, depth + 1, Array.isArray(value) ? undefined : k, out, highlight, i === entries.length - 1));
  out.push(<span key={out.length} className={className}>{indent}{close}{comma}{'\n'}</span>);
}

/** Keys in alphabetical order at every level, so two sides line up whatever order each backend keeps. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
}

function valueKind(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return typeof value;
}
