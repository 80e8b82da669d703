import { z } from 'zod';
import { COLLECTION_NAMES } from './catalogue';

/** A top-level field other than the keys: `id` and `_id` stay with the document. */
const MovableFieldSchema = z.string().min(1).max(255).regex(/^[^.$]+$/, 'a top-level field name (no dots, no $)')
  .refine((name) => name !== 'id' && name !== '_id', { error: 'id and _id stay with the document' });

/**
 * A migration profile: the fixes the DBA chose for documents DynamoDB cannot hold as they are,
 * per problem kind, for every collection (`defaults`) or one collection (`collections`).
 * Every kind defaults to `skip`: the document is left behind and logged, as without a profile.
 * Reviewable JSON, versioned so a later format can be told apart.
 */
export const CollectionRulesSchema = z.object({
  /** `null` or `""` on a GSI key attribute → `omit`: the attribute is left out, so the item is not in that (sparse) index. */
  emptyIndexKey: z.enum(['skip', 'omit']).optional(),
  /** An `id` that is not a string (a number, a Long, an ObjectId) → `string`: its string form (`1042` → `"1042"`). */
  nonStringId: z.enum(['skip', 'string']).optional(),
  /** A regular expression → `map`: `{pattern, flags}`; `string`: `"/pattern/flags"`. */
  regex: z.enum(['skip', 'map', 'string']).optional(),
  /**
   * A document over 400 KB as an item → `gzip`: the item is stored gzip-compressed in one Binary
   * attribute; or `{ "moveField": "<top-level field>" }`: that field goes to an item of its own in
   * the same table, keyed `<id>#<field>` (electron/adapters/dynamodb/moved-field.ts).
   */
  oversized: z.union([z.enum(['skip', 'gzip']), z.object({ moveField: MovableFieldSchema }).strict()]).optional(),
  /** NaN, ±Infinity or a number outside DynamoDB's range → `string` (its text) or `null`. */
  badNumber: z.enum(['skip', 'string', 'null']).optional(),
}).strict();
export type CollectionRules = z.infer<typeof CollectionRulesSchema>;

export const MigrationProfileSchema = z.object({
  version: z.literal(1),
  description: z.string().max(2000).optional(),
  defaults: CollectionRulesSchema.optional(),
  collections: z.record(z.string(), CollectionRulesSchema).optional(),
}).strict().superRefine((profile, ctx) => {
  for (const name of Object.keys(profile.collections ?? {})) {
    if (!COLLECTION_NAMES.includes(name)) ctx.addIssue({ code: 'custom', path: ['collections', name], message: `not one of the Alert Whisperer collections (${COLLECTION_NAMES.join(', ')})` });
  }
});
export type MigrationProfile = z.infer<typeof MigrationProfileSchema>;

/** A rule as the plan and verify name it: `<problem kind>:<fix>`, e.g. `regex:map`, `oversized:moveField`. */
export type RuleName = `${keyof CollectionRules}:${string}`;

/** The rules that apply to one collection: its own choices over the profile's defaults. */
export function rulesFor(profile: MigrationProfile | undefined, collection: string): CollectionRules {
  return { ...profile?.defaults, ...profile?.collections?.[collection] };
}

/** The profile's problems as one line (`collections.alerts.regex: Invalid option ...`), for the CLI and the console. */
export function profileProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}
