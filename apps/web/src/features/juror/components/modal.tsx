import type { ReactNode } from 'react';
import { useModalDialog } from '../../../components/ui/use-modal-dialog';

interface ModalProps {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  className?: string;
  children: ReactNode;
}

/**
 * A modal `<dialog>`: the browser traps focus, Escape closes it, and focus returns to the
 * control that opened it.
 */
export function Modal({ open, onClose, labelledBy, className, children }: ModalProps) {
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className={['juror-dialog', className].filter(Boolean).join(' ')} aria-labelledby={labelledBy} onClose={onClose}>
      {open ? children : null}
    </dialog>
  );
}
