/** A polite, announced loading message (no spinner animation to distract or to wait on). */
export function LoadingState({ label }: { readonly label: string }) {
  return (
    <div className="state-panel" role="status" aria-live="polite">
      <p>{label}</p>
    </div>
  );
}
