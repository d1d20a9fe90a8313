/**
 * A4 print style of a structured page meant for a notice board (办事指南): only the guide
 * itself — no site header, navigation, footer or buttons — on A4 with 15 mm margins, boxes
 * of the flowchart and tables not split across pages.
 */
export const STRUCTURED_PRINT_CSS = `@media print {
  @page { size: A4; margin: 15mm; }
  body header, body nav, body footer, .no-print { display: none !important; }
  main { padding: 0 !important; }
  a { color: inherit; text-decoration: none; }
  .break-inside-avoid, table, figure { break-inside: avoid; }
}`;

export function StructuredPrintStyle() {
  return <style>{STRUCTURED_PRINT_CSS}</style>;
}
