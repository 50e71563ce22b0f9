import { useEffect, useRef, type RefObject } from 'react';

/**
 * Shows a `<dialog>` as a modal while `open` holds and closes it otherwise: the browser traps
 * focus inside, and gives it back to the control that opened it on closing. Returns the ref to
 * put on the `<dialog>`.
 */
export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
