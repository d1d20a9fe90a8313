import { defineConfig } from "prisma/config";

// Used by the Prisma CLI on machines that can download its engine. Offline,
// the scripts in scripts/ drive the WebAssembly schema engine instead.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/portal" },
});
