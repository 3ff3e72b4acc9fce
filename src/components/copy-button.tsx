/** Copies a text to the clipboard and says so, or says why it could not (the live region announces it). */
import { useEffect, useState } from 'react';
import './copy-button.css';

export function CopyButton({ text, label, children = 'Copy' }: { text: string; label: string; children?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" onClick={() => void copy()} aria-label={label}>
        {children}
      </button>
      <span role="status" className="copy-status">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed: the browser refused clipboard access' : ''}
      </span>
    </span>
  );
}
