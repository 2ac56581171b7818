import { describe, expect, it } from "vitest";
import { DIGEST_ACTIVITY_LIMIT, DIGEST_ITEM_LIMIT, isAway, selectDigest, selectDigestActivities, type DigestActivityCandidate, type DigestCandidate, type DigestMemberState } from "./select-digest.ts";

const NOW = Date.UTC(2026, 11, 1, 7, 0);
const HOUR = 60 * 60 * 1000;
const LINDENHOF = { id: "n1", slug: "lindenhof", name: "Lindenhof" };
const PARKZICHT = { id: "n2", slug: "parkzicht", name: "Parkzicht" };

function member(overrides: Partial<DigestMemberState> = {}): DigestMemberState {
  return { userId: "me", frequency: "daily", neighbourhoods: [LINDENHOF, PARKZICHT], lastDigestAt: null, lastSeenAt: null, ...overrides };
}

let counter = 0;
function post(overrides: Partial<DigestCandidate>): DigestCandidate {
  counter++;
  return { id: `p${counter}`, neighbourhoodId: LINDENHOF.id, kind: "message", title: null, body: `Bericht ${counter}`, authorId: "someone", authorName: "Joop", createdAt: NOW - HOUR, ...overrides };
}

describe("selecting a member's digest", () => {
  it("is nothing when nothing happened (then nothing is sent)", () => {
    expect(selectDigest(member(), [], NOW)).toBeNull();
    // Older than the last digest, the member's own post, another neighbourhood: all not news.
    const candidates = [
      post({ createdAt: NOW - 3 * HOUR }),
      post({ authorId: "me" }),
      post({ neighbourhoodId: "elsewhere" }),
    ];
    expect(selectDigest(member({ lastDigestAt: NOW - 2 * HOUR }), candidates, NOW)).toBeNull();
  });

  it("counts a member as away when they were not on the platform since the last digest (never visited: away)", () => {
    expect(isAway(member(), NOW)).toBe(true);
    expect(isAway(member({ lastDigestAt: NOW - 24 * HOUR, lastSeenAt: NOW - 25 * HOUR }), NOW)).toBe(true);
    expect(isAway(member({ lastDigestAt: NOW - 24 * HOUR, lastSeenAt: NOW - 2 * HOUR }), NOW)).toBe(false);
    // No digest yet: looks back one day (daily) or one week (weekly).
    expect(isAway(member({ lastSeenAt: NOW - 2 * HOUR }), NOW)).toBe(false);
    expect(isAway(member({ lastSeenAt: NOW - 3 * 24 * HOUR }), NOW)).toBe(true);
    expect(isAway(member({ frequency: "weekly", lastSeenAt: NOW - 3 * 24 * HOUR }), NOW)).toBe(false);
    // A digest long ago and a visit since: away again once that visit is a period old.
    expect(isAway(member({ lastDigestAt: NOW - 30 * 24 * HOUR, lastSeenAt: NOW - 3 * 24 * HOUR }), NOW)).toBe(true);
  });

  it("puts help requests and lost & found first, groups by neighbourhood and kind", () => {
    const message = post({ kind: "message", createdAt: NOW - 10 * 60 * 1000 });
    const lost = post({ kind: "lost_found", neighbourhoodId: PARKZICHT.id, createdAt: NOW - 3 * HOUR });
    const help = post({ kind: "help_request", createdAt: NOW - 5 * HOUR, title: "Wie kan helpen?" });
    const question = post({ kind: "question", createdAt: NOW - 2 * HOUR });
    const digest = selectDigest(member(), [message, lost, help, question], NOW)!;
    expect(digest.total).toBe(4);
    expect(digest.shown).toBe(4);
    expect(digest.groups.map((group) => group.neighbourhood.slug)).toEqual(["lindenhof", "parkzicht"]);
    expect(digest.groups[0]!.kinds.map((kind) => kind.kind)).toEqual(["help_request", "question", "message"]);
    expect(digest.groups[0]!.kinds[0]!.items[0]).toMatchObject({ id: help.id, title: "Wie kan helpen?", authorName: "Joop" });
    expect(digest.groups[1]!.kinds.map((kind) => kind.kind)).toEqual(["lost_found"]);
  });

  it("shows at most the 10 most relevant items and says how many there are", () => {
    const messages = Array.from({ length: 12 }, (_, index) => post({ kind: "message", createdAt: NOW - (index + 1) * 60_000 }));
    const help = post({ kind: "help_request", createdAt: NOW - 20 * HOUR });
    const digest = selectDigest(member(), [...messages, help], NOW)!;
    expect(digest.total).toBe(13);
    expect(digest.shown).toBe(DIGEST_ITEM_LIMIT);
    const shown = digest.groups.flatMap((group) => group.kinds.flatMap((kind) => kind.items.map((item) => item.id)));
    expect(shown[0]).toBe(help.id);
    // The newest messages make it; the two oldest do not.
    expect(shown.slice(1)).toEqual(messages.slice(0, 9).map((item) => item.id));
  });

  it("shortens long posts to an excerpt", () => {
    const digest = selectDigest(member(), [post({ body: "a ".repeat(200) })], NOW)!;
    const excerpt = digest.groups[0]!.kinds[0]!.items[0]!.excerpt;
    expect(excerpt.length).toBeLessThanOrEqual(140);
    expect(excerpt.endsWith("…")).toBe(true);
  });
});

describe("activities of the coming week in the digest", () => {
  const DAY = 24 * HOUR;
  function activity(overrides: Partial<DigestActivityCandidate>): DigestActivityCandidate {
    counter++;
    return { id: `a${counter}`, neighbourhoodId: LINDENHOF.id, title: `Activiteit ${counter}`, place: "Buurthuis", startsAt: NOW + DAY, sponsorName: null, updatedAt: NOW - 2 * HOUR, ...overrides };
  }

  it("lists the member's activities of the next seven days once each, soonest first; not past, far-off or other neighbourhoods'", () => {
    const later = activity({ id: "later", startsAt: NOW + 3 * DAY });
    const soon = activity({ id: "soon", startsAt: NOW + 2 * HOUR, sponsorName: "Bakkerij Bol" });
    const twice = [activity({ id: "both", startsAt: NOW + 2 * DAY }), activity({ id: "both", neighbourhoodId: PARKZICHT.id, startsAt: NOW + 2 * DAY })];
    const past = activity({ id: "past", startsAt: NOW - HOUR });
    const farOff = activity({ id: "far", startsAt: NOW + 8 * DAY });
    const elsewhere = activity({ id: "elsewhere", neighbourhoodId: "n9" });
    const digest = selectDigest(member(), [post({})], NOW, DIGEST_ITEM_LIMIT, [later, soon, ...twice, past, farOff, elsewhere])!;
    expect(digest.activities.map((item) => item.id)).toEqual(["soon", "both", "later"]);
    expect(digest.activities[0]).toEqual({ id: "soon", title: soon.title, place: "Buurthuis", startsAt: NOW + 2 * HOUR, sponsorName: "Bakkerij Bol" });
    expect(selectDigestActivities(member(), Array.from({ length: 8 }, (_, index) => activity({ startsAt: NOW + (index + 1) * HOUR })), NOW)).toHaveLength(DIGEST_ACTIVITY_LIMIT);
  });

  it("a new upcoming activity alone is worth a digest; one already known since the last digest is not, but is listed when posts are", () => {
    const fresh = activity({ updatedAt: NOW - HOUR });
    const alone = selectDigest(member(), [], NOW, DIGEST_ITEM_LIMIT, [fresh])!;
    expect(alone.groups).toEqual([]);
    expect(alone.activities.map((item) => item.id)).toEqual([fresh.id]);
    expect(alone.total).toBe(0);

    const known = activity({ updatedAt: NOW - 3 * DAY });
    const lastDigestAt = NOW - DAY;
    expect(selectDigest(member({ lastDigestAt }), [], NOW, DIGEST_ITEM_LIMIT, [known])).toBeNull();
    const withNews = selectDigest(member({ lastDigestAt }), [post({})], NOW, DIGEST_ITEM_LIMIT, [known])!;
    expect(withNews.activities.map((item) => item.id)).toEqual([known.id]);
    // The page, opened by the member, always shows the coming week.
    expect(selectDigest(member({ lastDigestAt }), [], NOW, DIGEST_ITEM_LIMIT, [known], true)!.activities.map((item) => item.id)).toEqual([known.id]);
  });
});
