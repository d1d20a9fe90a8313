// Working-day calendar (law §6). chinese-days-source is deliberately not
// re-exported: it embeds the package's JSON and is only for seeding.
export * from "./civil-date";
export * from "./calendar-data";
export * from "./working-days";
export * from "./deadline";
