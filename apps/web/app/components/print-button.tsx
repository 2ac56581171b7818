import { useEffect, useState } from "react";

/** A print button once JavaScript runs; without it, the hint beside it says to use the browser's Print. */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
