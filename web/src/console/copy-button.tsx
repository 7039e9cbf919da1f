import { useState } from 'preact/hooks';

/**
 * Copies the invite link. The clipboard API needs a secure context
 * (https or localhost); elsewhere the button says so instead of failing
 * silently, and the link stays selectable on the page.
 */
export function CopyButton({ url, code }: { url: string; code: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <>
      <button
        type="button"
        class="small"
        onClick={() => void copy()}
        aria-label={`Copy link of ${code}`}
      >
        Copy link
      </button>
      <span class="copy-state" role="status">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copying is blocked here: select the link instead'
            : ''}
      </span>
    </>
  );
}
