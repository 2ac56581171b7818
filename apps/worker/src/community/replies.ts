// The one place where replies are written (created, edited, deleted). Notifications about replies hook
// in here (createReply), so every way of replying — API, page — triggers them alike.
import { and, eq } from "drizzle-orm";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import { replySharedWithCorporation } from "./post-access.ts";

const { replies } = tenantSchema;

export interface NewReply {
  post: { id: string; kind: string; visibleToCorporation: boolean };
  authorId: string;
  body: string;
}

/** Writes a reply under a post the author may read and reply to (checked by the caller). */
export async function createReply(db: TenantDb, input: NewReply) {
  const reply = {
    id: crypto.randomUUID(),
    postId: input.post.id,
    authorId: input.authorId,
    body: input.body,
    visibleToCorporation: replySharedWithCorporation(input.post),
    createdAt: Date.now(),
  };
  await db.insert(replies).values({ ...reply, updatedAt: reply.createdAt });
  return { id: reply.id, postId: reply.postId, body: reply.body, createdAt: reply.createdAt, editedAt: null, sharedWithCorporation: reply.visibleToCorporation };
}

export async function editReply(db: TenantDb, replyId: string, body: string) {
  const now = Date.now();
  await db.update(replies).set({ body, editedAt: now, updatedAt: now }).where(eq(replies.id, replyId));
  return { id: replyId, body, editedAt: now };
}

export async function deleteReply(db: TenantDb, replyId: string, authorId: string): Promise<void> {
  await db.delete(replies).where(and(eq(replies.id, replyId), eq(replies.authorId, authorId)));
}
