import { type RefObject, useEffect, useRef } from 'react';

const isField = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/**
 * Esc closes what `ref` shows while it is visible; Esc inside a field stays the field's (the quick
 * filter clears itself with it).
 */
export function useEscapeToClose(ref: RefObject<HTMLElement | null>, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isField(document.activeElement)) return;
      if (!ref.current || ref.current.offsetParent === null) return; // hidden (another view is shown)
      latest.current();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [ref]);
}

/** Ctrl-Enter (Cmd-Enter on a Mac) anywhere inside `ref`: its submit shortcut, from fields and textareas alike. */
export function useSubmitShortcut(ref: RefObject<HTMLElement | null>, submit: () => void): void {
  const latest = useRef(submit);
  useEffect(() => {
    latest.current = submit;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      latest.current();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [ref]);
}
