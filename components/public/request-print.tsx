/**
 * Print styles for the receipt (回执): only the element marked
 * data-print-root is printed, without the site header, navigation and footer,
 * in black on white. Rendered as a <style> element by the pages that need it.
 */
export function RequestPrintStyles() {
  return (
    <style>{`
@media print {
  body * { visibility: hidden !important; }
  [data-print-root], [data-print-root] * { visibility: visible !important; }
  [data-print-root] { position: absolute; left: 0; top: 0; width: 100%; color: #000 !important; background: #fff !important; border: 0 !important; box-shadow: none !important; }
  [data-print-root] * { color: #000 !important; background: transparent !important; }
  [data-no-print] { display: none !important; }
  @page { margin: 18mm; }
}`}</style>
  );
}


export { RequestPrintButton } from "./request-print-button";
