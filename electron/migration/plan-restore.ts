import type { DocumentProblem } from '../../shared/migration';
import type { EngineContext } from './context';
import { conversionRules } from './conversion-rules';
import { selectCollections } from './migration-job';

const LISTED_PROBLEMS = 100;

export interface RestoreCollectionPlan {
  collection: string;
  /** Where it is read: the table. */
  source: string;
  items: number;
  problemCount: number;
  problems: DocumentProblem[];
  /** Per field, what the item cannot tell (restore-document.ts) and in how many items. */
  fields: Array<{ path: string; note: string; items: number }>;
}

export interface RestorePlan {
  collections: RestoreCollectionPlan[];
  totals: { items: number; problemCount: number };
}

/**
 * The way back's dry run: reads every item, restores it exactly as the copy would, and reports
 * the items that cannot be restored and, per field, what the restored type is a guess at.
 * Writes nothing.
 */
export async function planRestore(ctx: EngineContext, collections: string[]): Promise<RestorePlan> {
  const conversion = conversionRules(ctx.source.backend, ctx.target.backend);
  const plans: RestoreCollectionPlan[] = [];
  for (const spec of selectCollections(collections)) {
    const plan: RestoreCollectionPlan = { collection: spec.name, source: ctx.source.where(spec.name), items: 0, problemCount: 0, problems: [], fields: [] };
    const fields = new Map<string, { path: string; note: string; items: number }>();
    for await (const { records } of ctx.source.read(spec.name)) {
      for (const record of records) {
        plan.items++;
        const converted = conversion.convert(record, spec);
        if (!converted.ok) {
          plan.problemCount++;
          if (plan.problems.length < LISTED_PROBLEMS) plan.problems.push({ collection: spec.name, id: converted.key, code: converted.code, reason: converted.reason });
          continue;
        }
        for (const { path, note } of converted.notes ?? []) {
          const field = fields.get(`${path}\u0000${note}`) ?? { path, note, items: 0 };
          field.items++;
          fields.set(`${path}\u0000${note}`, field);
        }
      }
    }
    plan.fields = [...fields.values()].sort((a, b) => a.path.localeCompare(b.path));
    plans.push(plan);
  }
  const totals = { items: plans.reduce((s, p) => s + p.items, 0), problemCount: plans.reduce((s, p) => s + p.problemCount, 0) };
  return { collections: plans, totals };
}
