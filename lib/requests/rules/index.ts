// Pure rules for disclosure on request (law §4). annual-report-rows is
// re-exported through reply-types.
export * from "./identity";
export * from "./fees";
export * from "./legal-basis";
export * from "./reply-types";
export * from "./stages";
export * from "./receipt-date";
export * from "./reply-deadline";
export * from "./case-deadlines";
