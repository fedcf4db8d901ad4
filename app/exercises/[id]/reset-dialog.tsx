"use client";
import { useRef } from "react";

/** "Reset to starter" behind a confirmation dialog (native <dialog>: focus trap and Escape for free). */
export function ResetToStarter({ onConfirm }: { onConfirm: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="button--secondary" onClick={() => dialog.current?.showModal()}>
        Reset to starter
      </button>
      <dialog ref={dialog} aria-labelledby="reset-title" className="card">
        <h2 id="reset-title">Reset to the starter code?</h2>
        <p>Your current code in the editor will be replaced. Your submissions stay in the history.</p>
        <form method="dialog" className="module-links">
          <button type="submit" value="cancel" className="button--secondary">
            Cancel
          </button>
          <button type="submit" value="reset" onClick={onConfirm}>
            Reset
          </button>
        </form>
      </dialog>
    </>
  );
}
