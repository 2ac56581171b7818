// Finding, checking and erasing accounts of one corporation (tenant database).
import { eq, inArray, or, sql } from "drizzle-orm";
import { AppError, hashPassword, verifyPassword, type DeleteAccountMode } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { users, sessions, memberships, posts, replies, reactions, invites, loginTokens } = tenantSchema;

export type UserRow = typeof users.$inferSelect;

/** By e-mail (stored lower-cased) or by login name (compared without regard to case). */
export async function findUserForLogin(db: TenantDb, kind: "email" | "loginName", identifier: string): Promise<UserRow | null> {
  const condition = kind === "email" ? eq(users.email, identifier) : sql`lower(${users.loginName}) = ${identifier}`;
  const [user] = await db.select().from(users).where(condition).limit(1);
  return user ?? null;
}

/**
 * Why someone who proved a secret (right password, a valid login link or recovery code) still cannot
 * log in: pending (waiting for approval) or rejected, each with its own code so the page can say it in
 * the visitor's language. The reviewer's note goes along in details.reviewNote, so the person knows what
 * to do. Callers throw this only after the secret was checked: the note is for the person themselves.
 */
export function accountNotActive(status: string, reviewNote?: string | null): AppError {
  const details = reviewNote ? { reviewNote } : undefined;
  const params = reviewNote ? { note: reviewNote } : undefined;
  if (status === "pending") {
    return new AppError("account_pending", { ...(reviewNote ? { message: "apiErrors.account.pendingWithNote" } : {}), params, details });
  }
  if (status === "rejected") {
    return new AppError("account_rejected", { ...(reviewNote ? { message: "apiErrors.account.rejectedWithNote" } : {}), params, details });
  }
  return new AppError("forbidden", { message: "apiErrors.account.inactive" });
}

let dummyHash: Promise<string> | null = null;

/**
 * Checks a password; without a stored hash it still spends the same work on a dummy hash, so the
 * answer time does not tell whether an account exists.
 */
export async function checkPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (stored) return verifyPassword(password, stored);
  dummyHash ??= hashPassword("buurtplein-no-account");
  await verifyPassword(password, await dummyHash);
  return false;
}

/**
 * Erases an account (AVG/GDPR): sessions, login tokens, memberships and the user row go; posts are
 * removed or kept without an author ("Oud-buurtbewoner"). References elsewhere become null.
 */
export async function eraseAccount(db: TenantDb, userId: string, mode: DeleteAccountMode): Promise<{ posts: number }> {
  const ownPosts = await db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, userId));
  // One batch = one transaction: the account is gone completely, or not at all.
  // Replies follow the posts' choice; reactions always go (they are never shown with a name).
  const ownPostIds = db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, userId));
  await db.batch([
    db.delete(reactions).where(mode === "remove_posts" ? or(eq(reactions.userId, userId), inArray(reactions.postId, ownPostIds)) : eq(reactions.userId, userId)),
    mode === "remove_posts"
      ? db.delete(replies).where(or(eq(replies.authorId, userId), inArray(replies.postId, ownPostIds)))
      : db.update(replies).set({ authorId: null, updatedAt: Date.now() }).where(eq(replies.authorId, userId)),
    mode === "remove_posts"
      ? db.delete(posts).where(eq(posts.authorId, userId))
      : db.update(posts).set({ authorId: null, updatedAt: Date.now() }).where(eq(posts.authorId, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.delete(loginTokens).where(eq(loginTokens.userId, userId)),
    db.delete(memberships).where(eq(memberships.userId, userId)),
    db.update(invites).set({ createdById: null }).where(eq(invites.createdById, userId)),
    db.update(users).set({ registeredById: null }).where(eq(users.registeredById, userId)),
    db.delete(users).where(eq(users.id, userId)),
  ]);
  return { posts: ownPosts.length };
}
