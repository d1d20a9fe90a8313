// Which template an integration test file's database is cloned from
// (tests/setup/integration-db.ts). Default: the migrated, empty template. A file that needs
// the whole demo data (青山县, its accounts, categories, calendar, items, requests…) calls
//
//   withSeededDatabase();
//
// once at its top level, before any hook runs; its database is then a copy of a template
// seeded once per tree and day, instead of seeding in the file (a full seed costs about
// half a minute of CPU). The copy is the file's own: changes stay in it.

// On globalThis: the setup file and the test file may not share one instance of this module.
const state = globalThis as { __seededDatabase?: boolean; __databaseCloned?: boolean };

export function withSeededDatabase(): void {
  if (state.__databaseCloned) {
    throw new Error("withSeededDatabase() must be called at the top level of the test file, before its hooks run");
  }
  state.__seededDatabase = true;
}

/** For tests/setup/integration-db.ts, before the test file is loaded. */
export function resetDatabaseChoice(): void {
  state.__seededDatabase = false;
  state.__databaseCloned = false;
}

/** For tests/setup/integration-db.ts. */
export function seededDatabaseWanted(): boolean {
  return state.__seededDatabase === true;
}

/** For tests/setup/integration-db.ts: after this, the template can no longer be chosen. */
export function markDatabaseCloned(): void {
  state.__databaseCloned = true;
}
