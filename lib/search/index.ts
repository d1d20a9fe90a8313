// Public surface of the search domain.
export { searchDisclosures, type SearchResult, type SearchHit, type Facets, type FacetValue } from "./search";
export { parseSearchParams, searchHref, type SearchParams } from "./params";
export { syncSearchDocument } from "./sync-item";
export { partsToHtml, type SnippetPart } from "./snippet";
