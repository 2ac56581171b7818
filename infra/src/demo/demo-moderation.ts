// Moderation that is visible right after `npm start` (De Linde): an open report in the queue
// (/beheer/moderatie for sanne@ and the ambassador mohamed@), and a post hidden earlier with its reason
// (joop@ sees it under /account/moderatie and may appeal; Lindenhof's public record counts it).
import { tenantSchema } from "@buurtplein/db";
import type { openTenantDb } from "@buurtplein/db";

const HOUR = 60 * 60 * 1000;

export async function fillModeration(
  db: ReturnType<typeof openTenantDb>,
  slug: string,
  neighbourhoodIds: Map<string, string>,
  userIds: Map<string, string>,
  now: number,
): Promise<void> {
  const lindenhof = neighbourhoodIds.get("lindenhof");
  const [anna, joop, moderator] = [userIds.get("anna"), userIds.get("joop"), userIds.get("moderator")];
  if (slug !== "delinde" || !lindenhof || !anna || !joop || !moderator) return;
  const { posts, reports, moderationActions } = tenantSchema;
  const reported = crypto.randomUUID();
  const hidden = crypto.randomUUID();
  const at = (hoursAgo: number) => now - hoursAgo * HOUR;
  await db.insert(posts).values([
    { id: reported, neighbourhoodId: lindenhof, authorId: joop, kind: "message", title: "Afval naast de container", body: "Wie zet er steeds zakken naast de container? Wat een sukkels wonen hier.", createdAt: at(5), updatedAt: at(5) },
    { id: hidden, neighbourhoodId: lindenhof, authorId: joop, kind: "message", title: "Fietsen in de gang", body: "Die van nummer 14 is echt een idioot met zijn fietsen.", status: "hidden", createdAt: at(30), updatedAt: at(28) },
  ]);
  await db.insert(reports).values([
    { id: crypto.randomUUID(), reporterId: anna, targetType: "post", targetId: reported, neighbourhoodId: lindenhof, reason: "Hij noemt buren sukkels.", houseRule: 2, createdAt: at(4) },
    { id: crypto.randomUUID(), reporterId: anna, targetType: "post", targetId: hidden, neighbourhoodId: lindenhof, reason: "Scheldt een buurman uit.", houseRule: 2, status: "handled", handledAt: at(28), createdAt: at(29) },
  ]);
  await db.insert(moderationActions).values({
    id: crypto.randomUUID(),
    action: "hide",
    targetType: "post",
    targetId: hidden,
    subjectUserId: joop,
    neighbourhoodId: lindenhof,
    reason: "Je noemt een buurman een idioot. Schrijf over wat er gebeurt (de fietsen in de gang), niet over wie iemand is.",
    houseRule: 2,
    moderatorId: moderator,
    createdAt: at(28),
  });
}
