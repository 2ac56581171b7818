// A fresh corporation for the staff, organisation and ambassador tests (its admin, a moderator, an
// ambassador and residents of createFreshTenant), plus a partner and a care organisation.
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { createFreshTenant, NEW_PASSWORD } from "./invite-fixtures.ts";
import { newestMail, tokenFromMail } from "./account-fixtures.ts";

export type StaffTenant = Awaited<ReturnType<typeof createStaffTenant>>;

export async function createStaffTenant() {
  const tenant = await createFreshTenant();
  const moderatorCookie = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
  const buurthuis = await createOrganisation(tenant.host, tenant.adminCookie, { name: "Buurthuis De Brug", kind: "local", neighbourhoods: ["oudwijk"] });
  const wijkteam = await createOrganisation(tenant.host, tenant.adminCookie, { name: "Wijkteam Oost", kind: "care" });
  const [admin] = await tenant.db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, "ada@proef.example"));
  return { ...tenant, moderatorCookie, adminId: admin!.id, organisations: { buurthuis, wijkteam } };
}

export async function createOrganisation(host: string, cookie: string, body: Record<string, unknown>): Promise<string> {
  const response = await call(host, "/api/organisations", { method: "POST", cookie, json: body });
  if (response.status !== 201) throw new Error(`create organisation: ${response.status} ${await response.text()}`);
  return (await json(response)).organisation.id as string;
}

/** A unique e-mail address for a new staff member. */
export function staffEmail(prefix = "staf"): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}@proef.example`;
}

export function inviteStaff(host: string, cookie: string, body: Record<string, unknown>) {
  return call(host, "/api/staff", { method: "POST", cookie, json: body });
}

/** The login link's token from the newest invitation e-mail to this address. */
export async function invitationToken(host: string, email: string): Promise<string> {
  const mail = await newestMail(host, email);
  if (!mail) throw new Error(`no e-mail to ${email}`);
  return tokenFromMail(mail.text);
}

export async function auditActions(tenant: StaffTenant, subject: string): Promise<string[]> {
  const rows = await tenant.db.select().from(tenantSchema.auditLog).where(eq(tenantSchema.auditLog.subject, subject));
  return rows.sort((a, b) => a.createdAt - b.createdAt).map((row) => row.action);
}
