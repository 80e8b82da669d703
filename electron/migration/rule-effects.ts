import type { RuleEffect } from '../../shared/migration';
import type { RuleChange } from './fix-rules';

/** Examples per rule in a plan: enough to review a rule, few enough to read. */
const EXAMPLES = 3;

/** Per rule: the documents it changes, and the first few changes as examples (the plan's "before → after"). */
export class RuleEffects {
  private readonly effects = new Map<string, RuleEffect>();

  /** One converted document's changes; a rule counts the document once, however many paths it changed. */
  add(key: string, changes: readonly RuleChange[]): void {
    const counted = new Set<string>();
    for (const change of changes) {
      let effect = this.effects.get(change.rule);
      if (!effect) this.effects.set(change.rule, (effect = { rule: change.rule, documents: 0, examples: [] }));
      if (!counted.has(change.rule)) {
        counted.add(change.rule);
        effect.documents++;
      }
      if (effect.examples.length < EXAMPLES) effect.examples.push({ id: key, path: change.path, before: change.before, after: change.after });
    }
  }

  list(): RuleEffect[] {
    return [...this.effects.values()].sort((a, b) => a.rule.localeCompare(b.rule));
  }
}
