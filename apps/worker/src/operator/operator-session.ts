// Operator sessions: separate from every corporation's sessions. The cookie (`__Host-bp_operator` on
// https) is set only by the apex host, the session row lives in the control plane, and every operator
// route first checks that the request addresses the apex: a tenant host never reaches an operator
// session, and a tenant session (bp_session, a row in a tenant database) is never read here.
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { and, eq, gt } from "drizzle-orm";
import {
  AppError,
  OPERATOR_COOKIE,
  OPERATOR_SESSION_TTL_MS,
  SECURE_OPERATOR_COOKIE,
  generateSessionToken,
  hashSessionToken,
  operatorCookieName,
  parseHost,
  readOperatorCookie,
} from "@buurtplein/core";
import { controlSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { baseDomains } from "../middleware/tenant.ts";

const { operators, operatorSessions } = controlSchema;

export interface OperatorActor {
  id: string;
  email: string;
  displayName: string;
  sessionId: string;
}

/** Operator routes answer only on the apex host; on a tenant's host (or any other) they are 403. */
export function requireApexHost(c: Context<AppEnv>): void {
  const host = new URL(c.req.url).host;
  if (parseHost(host, baseDomains(c.env.BASE_DOMAINS)).kind !== "apex") {
    throw new AppError("forbidden", { message: "apiErrors.operator.apexOnly" });
  }
}

/** The operator of this request's session (on the apex), or null. */
export async function findOperator(c: Context<AppEnv>): Promise<OperatorActor | null> {
  const token = readOperatorCookie(c.req.header("cookie"));
  if (!token) return null;
  const sessionId = await hashSessionToken(token);
  const [row] = await c
    .get("control")
    .select({ id: operators.id, email: operators.email, displayName: operators.displayName })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(and(eq(operatorSessions.id, sessionId), gt(operatorSessions.expiresAt, Date.now())))
    .limit(1);
  return row ? { ...row, sessionId } : null;
}

/** The apex host and a valid operator session, or 403 / 401. */
export async function requireOperator(c: Context<AppEnv>): Promise<OperatorActor> {
  requireApexHost(c);
  const operator = await findOperator(c);
  if (!operator) throw new AppError("unauthenticated");
  return operator;
}

/** A fresh operator session and its cookie: HttpOnly, Secure, SameSite=Strict, host-only. */
export async function startOperatorSession(c: Context<AppEnv>, operatorId: string): Promise<void> {
  const token = generateSessionToken();
  const expiresAt = Date.now() + OPERATOR_SESSION_TTL_MS;
  await c.get("control").insert(operatorSessions).values({ id: await hashSessionToken(token), operatorId, expiresAt });
  setCookie(c, operatorCookieName(c.req.url), token, { httpOnly: true, secure: true, sameSite: "Strict", path: "/", expires: new Date(expiresAt) });
}

export async function endOperatorSession(c: Context<AppEnv>, operator: OperatorActor | null): Promise<void> {
  if (operator) await c.get("control").delete(operatorSessions).where(eq(operatorSessions.id, operator.sessionId));
  deleteCookie(c, OPERATOR_COOKIE, { path: "/", secure: true });
  if (operatorCookieName(c.req.url) === SECURE_OPERATOR_COOKIE) deleteCookie(c, SECURE_OPERATOR_COOKIE, { path: "/", secure: true });
}
