import type { z } from 'zod';

/** The form's name for each field the schema checks. */
const LABELS: Record<string, string> = {
  url: 'Connection URL', database: 'Database', region: 'Region', endpoint: 'Endpoint', tablePrefix: 'Table prefix',
  profile: 'Profile', 'credentials.accessKeyId': 'Access key ID', 'credentials.secretAccessKey': 'Secret access key',
};

/**
 * A schema issue as the form says it: "Access key ID is required", not the validator's
 * "credentials.accessKeyId: Too small: expected string to have >=1 characters". The schema's own
 * messages (written for people, e.g. "a MongoDB URL starts with mongodb://") are kept.
 */
function describeProblem(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const label = LABELS[path] ?? 'The connection';
  if (issue.code === 'too_small' || (issue.code === 'invalid_type' && issue.input === undefined)) return `${label} is required`;
  if (issue.code === 'invalid_format' && path === 'endpoint') return 'Endpoint must be a URL, such as http://127.0.0.1:8000';
  if (issue.code === 'invalid_format' || issue.code === 'custom') return `${label}: ${issue.message}`;
  return `${label} is not valid`;
}

/** One line per field, its first problem: an empty region is "required", not also "not a region name". */
export function connectionProblems(issues: z.core.$ZodIssue[]): string[] {
  const first = new Map<string, z.core.$ZodIssue>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!first.has(path)) first.set(path, issue);
  }
  return [...new Set([...first.values()].map(describeProblem))];
}
