import type { DocumentProblem } from '../../../../shared/migration';

const COLUMNS = ['collection', 'id', 'code', 'reason'] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function failuresToCsv(problems: DocumentProblem[]): string {
  return [COLUMNS.join(','), ...problems.map((p) => COLUMNS.map((c) => cell(p[c])).join(','))].join('\r\n') + '\r\n';
}
