// Working-day calendar (law §6). chinese-days-source is deliberately not
// re-exported: it embeds the package's JSON and is only for seeding.
// The database-facing loader is not re-exported either (this barrel stays
// pure, importable from unit tests and client code): server code imports
// `loadCalendar`, `addWorkingDaysDb`, … from "@/lib/calendar/load-calendar".
export * from "./civil-date";
export * from "./calendar-data";
export * from "./working-days";
export * from "./deadline";
