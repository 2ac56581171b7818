// What in-app notifications are about. Other domains call notify() in the API
// (apps/worker/src/notifications/notify.ts) with one of these kinds; the text for each kind lives in the
// catalogue (notifications.kinds.<kind>), filled with the notification's params when shown.

export const NOTIFICATION_KINDS = [
  /** Someone replied to your post or reply. params: { name, title? } */
  "reply",
  /** Neighbours reacted to your post (grouped: one unread row per post, counting up). params: { name, title? } */
  "reaction",
  /** Someone signed up for your activity. params: { name, title? } */
  "rsvp",
  /** You moved up from the waiting list of an activity. params: { title? } */
  "waitlist_moved_up",
  /** A moderator decided about something of yours. params: { outcome, title? } */
  "moderation_outcome",
  /** A new member joined your neighbourhood (to ambassadors, to welcome them). params: { name, neighbourhood } */
  "new_member",
  /** Someone waits for approval (to staff and that neighbourhood's ambassadors). params: { name, neighbourhood } */
  "approval_needed",
  /** A signal (early warning) waits in your organisation's inbox; never its content. params: {} */
  "signal_new",
  /** A signal in your inbox is not acknowledged yet. params: {} */
  "signal_reminder",
  /** A signal was not acknowledged in time and comes to you, the social coordinator. params: {} */
  "signal_escalated",
  /** The broad status of a concern you raised changed. params: { status } */
  "signal_status",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds that are grouped: a new event adds to the unread notification about the same subject. */
export const GROUPED_NOTIFICATION_KINDS: readonly NotificationKind[] = ["reaction"];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Notifications per page of the list. */
export const NOTIFICATIONS_PAGE_SIZE = 20;
