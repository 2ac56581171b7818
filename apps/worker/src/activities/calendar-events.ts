// An activity row as an iCalendar event (packages/core/src/activities/icalendar.ts).
import type { CalendarEvent } from "@buurtplein/core";
import type { Activity } from "@buurtplein/db";

export function calendarEvent(activity: Activity, origin: URL, status: "CONFIRMED" | "TENTATIVE"): CalendarEvent {
  return {
    uid: `${activity.id}@${origin.hostname}`,
    title: activity.title,
    description: activity.description,
    place: activity.place,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    updatedAt: activity.updatedAt,
    sequence: activity.sequence,
    url: `${origin.origin}/activiteit/${activity.id}`,
    status: activity.status === "cancelled" ? "CANCELLED" : status,
  };
}
