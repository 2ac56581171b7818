// The demo platform operator (README: log in on the apex at /beheer). Idempotent.
import { eq } from "drizzle-orm";
import { hashPassword } from "@buurtplein/core";
import { controlSchema, type ControlDb } from "@buurtplein/db";
import { DEMO_PASSWORD } from "./demo-data.ts";

export const DEMO_OPERATOR = { email: "operator@buurtplein.example", displayName: "Platformbeheer Buurtplein" } as const;

export async function seedDemoOperator(control: ControlDb): Promise<void> {
  const [existing] = await control.select({ id: controlSchema.operators.id }).from(controlSchema.operators).where(eq(controlSchema.operators.email, DEMO_OPERATOR.email)).limit(1);
  if (existing) return;
  await control.insert(controlSchema.operators).values({ id: crypto.randomUUID(), ...DEMO_OPERATOR, passwordHash: await hashPassword(DEMO_PASSWORD) });
}
