import type { Db } from "@/lib/db/client";
import { seedBase } from "./seed-base";

export type SeedStep = { name: string; run: (client: Db) => Promise<void> };

/**
 * The demo data, as ordered steps. Each step runs once per database and is
 * recorded in DemoSeedStep, so a later release can add steps that run on an
 * existing demo database without repeating the earlier ones.
 */
export const DEMO_STEPS: SeedStep[] = [
  {
    name: "base-organisation",
    run: async (c) => {
      await seedBase(c);
    },
  },
  { name: "calendar", run: async (c) => (await import("./seed-calendar")).seedCalendar(c) },
  { name: "disclosures", run: async (c) => (await import("./seed-disclosures")).seedDisclosures(c) },
  { name: "structured", run: async (c) => (await import("./seed-structured")).seedStructured(c) },
  { name: "requests", run: async (c) => (await import("./seed-requests")).seedRequests(c) },
  { name: "categories-v2", run: async (c) => (await import("./seed-base")).seedCategories(c) },
];

export async function seedDemo(client: Db, log: (m: string) => void = () => {}): Promise<string[]> {
  const done = new Set((await client.demoSeedStep.findMany({ select: { step: true } })).map((s) => s.step));
  const ran: string[] = [];
  for (const step of DEMO_STEPS) {
    if (done.has(step.name)) continue;
    const t = Date.now();
    await step.run(client);
    await client.demoSeedStep.create({ data: { step: step.name } });
    log(`  演示数据 ${step.name}：${Date.now() - t} ms`);
    ran.push(step.name);
  }
  return ran;
}
