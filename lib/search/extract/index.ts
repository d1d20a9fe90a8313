export { runExtractionBatch, type ExtractionReport } from "./run-extraction";
export { extractPdfText } from "./pdf";
export { extractDocxText } from "./docx";
