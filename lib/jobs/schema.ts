// graphile-worker keeps its queue in its own schema (graphile_worker) of the portal's
// database, so a job commits or rolls back with the transaction that adds it. The schema is
// installed and upgraded by graphile-worker's own migrations, run right after the portal's
// (lib/db/schema-engine.ts applyMigrations): every database the portal migrates — `npm
// start`, the integration tests' template, the e2e database — can take jobs.

import { runMigrations } from "graphile-worker";
import { quietJobLogger } from "./logger";

export async function installJobSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietJobLogger, noHandleSignals: true });
}
