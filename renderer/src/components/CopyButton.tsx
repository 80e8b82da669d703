import { useState } from 'react';

/** Copies text to the clipboard and says so; says what to do when the browser refuses. */
export function CopyButton({ text, label, className = 'button button-small' }: { text: string; label: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => navigator.clipboard.writeText(text).then(() => setState('copied'), () => setState('failed'));
  return (
    <>
      <button type="button" className={className} onClick={() => void copy()}>{label}</button>
      <span role="status" className="muted small">{state === 'copied' ? 'Copied' : state === 'failed' ? 'The browser refused the clipboard: select the text and copy it.' : ''}</span>
    </>
  );
}
