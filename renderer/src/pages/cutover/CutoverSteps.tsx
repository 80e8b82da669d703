import type { ReactNode } from 'react';
import { CUTOVER_STEPS, type CutoverProgress, type CutoverStep } from '../../../../shared/cutover';
import { formatCount, formatSeconds } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { StopWritesChecklist, SwitchInstructions } from './CutoverActions';
import type { Cutover } from './use-cutover';

const STEP_TEXT: Record<CutoverStep, { title: string; what: string }> = {
  'full-load': { title: 'Full load', what: 'The oplog position is recorded, then every document is copied.' },
  'catching-up': { title: 'Catching up', what: 'Changes made during the copy are applied from the oplog.' },
  'in-sync': { title: 'In sync · stop writes to MongoDB', what: 'Lag is under your threshold. Stop the application writing to MongoDB, then confirm here.' },
  draining: { title: 'Drain to lag 0', what: 'The last changes are applied: nothing pending.' },
  verifying: { title: 'Final verify', what: 'MongoDB and DynamoDB compared, as you chose.' },
  switch: { title: 'Switch the application to DynamoDB', what: 'Set its variables and restart it.' },
};

type StepStatus = 'done' | 'current' | 'pending' | 'failed';

function statusOf(step: CutoverStep, progress: CutoverProgress): StepStatus {
  const at = CUTOVER_STEPS.indexOf(progress.step);
  const index = CUTOVER_STEPS.indexOf(step);
  if (index < at) return 'done';
  if (index > at) return 'pending';
  if (progress.state === 'failed' || progress.state === 'cancelled') return 'failed';
  if (step === 'switch' && progress.verify?.result?.ok === false) return 'failed';
  return progress.state === 'completed' && step !== 'switch' ? 'done' : 'current';
}

const MARK: Record<StepStatus, string> = { done: '✓', current: '●', pending: '○', failed: '✗' };

/** The six steps in order, each with what it waits for while it is the current one. */
export function CutoverSteps({ cutover, progress }: { cutover: Cutover; progress: CutoverProgress }) {
  return (
    <section className="panel" aria-labelledby="steps-title">
      <div className="panel-header">
        <h2 id="steps-title">Steps</h2>
        <span className="muted small">Elapsed {formatSeconds(progress.elapsedMs / 1000)}</span>
      </div>
      <ol className="cutover-steps">
        {CUTOVER_STEPS.map((step, n) => {
          const status = statusOf(step, progress);
          return (
            <li key={step} className={`cutover-step step-${status}`} data-testid={`cutover-step-${step}`} data-status={status} aria-current={status === 'current' ? 'step' : undefined}>
              <span className="step-mark" aria-hidden="true">{MARK[status]}</span>
              <div className="step-body">
                <strong>{n + 1} · {STEP_TEXT[step].title}</strong>
                <span className="muted small">{STEP_TEXT[step].what}</span>
                {status === 'current' && <p className="step-waiting" data-testid="cutover-waiting"><span className="waiting-label">Waiting for:</span> {progress.waitingFor}</p>}
                {status !== 'pending' && <StepDetail step={step} cutover={cutover} progress={progress} />}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function StepDetail({ step, cutover, progress }: { step: CutoverStep; cutover: Cutover; progress: CutoverProgress }): ReactNode {
  const current = progress.step === step && progress.state === 'running';
  if (step === 'full-load' && progress.load) {
    const o = progress.load.overall;
    return <div className="step-detail"><ProgressBar done={o.written + o.failed + o.skipped} total={o.total} label="Full load progress" state={progress.load.state} /><span className="muted small">{formatCount(o.written)} written, {formatCount(o.failed)} could not be migrated</span></div>;
  }
  if (step === 'in-sync' && current) return <StopWritesChecklist cutover={cutover} />;
  if (step === 'in-sync' && progress.stopWritesConfirmedAt) return <span className="muted small">Writes stopped, confirmed at {new Date(progress.stopWritesConfirmedAt).toLocaleTimeString()}.</span>;
  if (step === 'verifying' && progress.verify) return <VerifyDetail verify={progress.verify} />;
  if (step === 'switch' && progress.state === 'completed') return <SwitchInstructions progress={progress} />;
  if (step === progress.step && progress.error) return <ErrorNotice error={progress.error} title="The cutover stopped" />;
  return null;
}

function VerifyDetail({ verify }: { verify: NonNullable<CutoverProgress['verify']> }) {
  const result = verify.result;
  if (!result) return <div className="step-detail"><ProgressBar done={verify.done} total={verify.total} label="Verify progress" /><span className="muted small">{formatCount(verify.done)} of {formatCount(verify.total)} documents read</span></div>;
  const compared = result.collections.reduce((n, c) => n + (c.content?.compared ?? 0), 0);
  const bad = result.collections.filter((c) => !c.ok).map((c) => c.collection);
  return (
    <p className={result.ok ? 'text-ok' : 'text-danger'} data-testid="cutover-verify">
      {result.ok ? `✓ Everything matches: ${formatCount(compared)} documents compared${verify.sample ? ` (a sample of ${verify.sample} per collection)` : ''} in ${result.collections.length} collections.` : `✗ Differences in ${bad.join(', ')}: open the Verify page and run verify to see them side by side.`}
    </p>
  );
}
