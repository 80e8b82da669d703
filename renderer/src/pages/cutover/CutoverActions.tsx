import { useState } from 'react';
import type { CutoverProgress } from '../../../../shared/cutover';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/Notice';
import type { Cutover } from './use-cutover';

/**
 * The stop-writes step, from the application's own guide: its backend runs under supervisor and
 * picks its database with DATABASE_TYPE. The DBA ticks what is done and chooses the final verify.
 */
export function StopWritesChecklist({ cutover }: { cutover: Cutover }) {
  const [stopped, setStopped] = useState(false);
  const [notYet, setNotYet] = useState(false);
  const [sampled, setSampled] = useState(false);
  const [sample, setSample] = useState('1000');
  const sampleSize = Math.floor(Number(sample));
  const ready = stopped && notYet && (!sampled || sampleSize > 0);
  return (
    <div className="step-detail stop-writes" data-testid="stop-writes">
      <ul className="checklist">
        <li><label className="check"><input type="checkbox" checked={stopped} onChange={(e) => setStopped(e.target.checked)} />
          <span>The application no longer writes to MongoDB: its backend is stopped (<code>sudo supervisorctl stop backend</code>) or in maintenance.</span></label></li>
        <li><label className="check"><input type="checkbox" checked={notYet} onChange={(e) => setNotYet(e.target.checked)} />
          <span>Its <code>backend/.env</code> still says <code>DATABASE_TYPE=mongodb</code> (or nothing): it is switched after the final verify, not before.</span></label></li>
      </ul>
      <fieldset className="verify-choice">
        <legend>Final verify</legend>
        <label className="check"><input type="radio" name="verify" checked={!sampled} onChange={() => setSampled(false)} />Every document (full)</label>
        <label className="check"><input type="radio" name="verify" checked={sampled} onChange={() => setSampled(true)} />A random sample of
          <input className="input input-small" inputMode="numeric" aria-label="Sample size per collection" value={sample} disabled={!sampled} onChange={(e) => setSample(e.target.value.replace(/\D/g, ''))} />per collection</label>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={!ready || cutover.confirm.isPending} onClick={() => cutover.confirm.mutate(sampled ? { sample: sampleSize } : {})}>
          Writes are stopped: drain and verify
        </button>
      </div>
      {cutover.confirm.error && <ErrorNotice error={cutover.confirm.error} />}
    </div>
  );
}

/** The variables that switch the application, as its guide's `backend/.env` lines; never a secret. */
export function SwitchInstructions({ progress }: { progress: CutoverProgress }) {
  const variables = progress.switchVariables;
  if (!variables) return null;
  const env = variables.map((v) => `${v.name}=${v.value}`).join('\n');
  return (
    <div className="step-detail" data-testid="switch-variables">
      <p>Set in the application's <code>backend/.env</code>, then restart it with <code>sudo supervisorctl restart backend</code>:</p>
      <pre className="code-block">{env}</pre>
      <ul className="plain-list small">
        {variables.filter((v) => v.note).map((v) => <li key={v.name}><code>{v.name}</code>: {v.note}</li>)}
        <li>AWS credentials: the application uses its own (an instance role, or <code>AWS_ACCESS_KEY_ID</code> / <code>AWS_SECRET_ACCESS_KEY</code> you set there). The console never shows a secret.</li>
      </ul>
      <div className="button-row"><CopyButton text={env} label="Copy the variables" /></div>
    </div>
  );
}
