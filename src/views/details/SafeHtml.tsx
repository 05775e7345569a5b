// Shows imported HTML formatted, after sanitising it (./sanitize.ts). The fragment is appended
// as DOM nodes: no HTML string ever reaches innerHTML from React.
import { useLayoutEffect, useRef } from 'react';
import { sanitizeToFragment } from './sanitize';

interface Props {
  html: string;
  className?: string;
  testId?: string;
}

export function SafeHtml({ html, className, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(
    function render() {
      const el = ref.current;
      if (!el) return;
      el.replaceChildren(sanitizeToFragment(html));
      return () => el.replaceChildren();
    },
    [html],
  );
  return <div ref={ref} className={className} data-testid={testId} />;
}
