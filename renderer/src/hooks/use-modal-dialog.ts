import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a `<dialog>` as a modal for as long as the component is mounted, and gives
 * the focus back to where it was when it closes.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    const previous = document.activeElement as HTMLElement | null;
    el?.showModal();
    return () => {
      el?.close();
      previous?.focus?.();
    };
  }, []);
  return dialog;
}
