import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/**
 * What every modal dialog does with the keyboard: Escape closes it (and
 * nothing behind it: the inspector stays open), Tab and Shift+Tab go round
 * inside it, the focus comes back from a frame inside it (a sandboxed
 * preview would swallow Escape), and when it closes the focus returns to
 * where it was. Spread the returned handler on the dialog element.
 */
export function useModal(ref: RefObject<HTMLElement | null>, onClose: () => void): { onKeyDown: (event: KeyboardEvent<HTMLElement>) => void } {
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const reclaim = () =>
      setTimeout(() => {
        const active = document.activeElement;
        if (dialog && active instanceof HTMLIFrameElement && dialog.contains(active)) dialog.focus();
      }, 0);
    window.addEventListener('blur', reclaim);
    return () => {
      window.removeEventListener('blur', reclaim);
      // Back to where the user was, unless they have already gone somewhere else.
      const active = document.activeElement;
      if (previous?.isConnected && (!active || active === document.body || dialog?.contains(active) || !active.isConnected)) previous.focus({ preventScroll: true });
    };
  }, [ref]);

  return {
    onKeyDown(event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab' || !ref.current) return;
      const stops = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
      if (stops.length === 0) return;
      const first = stops[0]!;
      const last = stops[stops.length - 1]!;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === ref.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    },
  };
}
