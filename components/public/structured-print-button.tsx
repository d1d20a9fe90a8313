"use client";

/** Prints the page (the print style sheet lays it out on A4). */
export function StructuredPrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded border border-line px-4 py-2">
      打印（A4）
    </button>
  );
}
