import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "./authorization.ts";
import { ROLES, type Role } from "./roles.ts";

// Expected answers: [in a neighbourhood the person is a member of, in another neighbourhood].
type Answer = readonly [boolean, boolean];
const Y: Answer = [true, true];
const N: Answer = [false, false];
const OWN: Answer = [true, false];

const TABLE: Record<Action, Record<Role, Answer>> = {
  "feed.read": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "post.create": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: N, admin: N, partner: N, care_partner: N },
  "post.announce": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "post.reply": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "post.react": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: N, admin: N, partner: N, care_partner: N },
  "post.pin": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "post.mark_solved": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "invite.manage": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "invite.personal": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: N, admin: N, partner: N, care_partner: N },
  "member.review": { resident: N, prospective: N, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "member.register": { resident: N, prospective: N, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "member.reset_access": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "member.remove": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "settings.manage": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "account.own": { resident: Y, prospective: Y, ambassador: Y, moderator: Y, admin: Y, partner: Y, care_partner: Y },
  "neighbourhood.manage": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "staff.manage": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "organisation.manage": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "ambassador.manage": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "corporation.leave": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "activity.create": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "activity.rsvp": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: N, admin: N, partner: N, care_partner: N },
  "activity.review": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "activity.sponsor": { resident: N, prospective: N, ambassador: N, moderator: N, admin: N, partner: Y, care_partner: N },
  "activity.sponsored_settings": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "domain.manage": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "data.export": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "signal.raise": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "signal.handle": { resident: N, prospective: N, ambassador: N, moderator: N, admin: N, partner: N, care_partner: Y },
  "signal.insight": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "care.manage": { resident: N, prospective: N, ambassador: N, moderator: N, admin: Y, partner: N, care_partner: N },
  "moderation.report": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: N, admin: N, partner: N, care_partner: N },
  "moderation.act": { resident: N, prospective: N, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "poll.create": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: Y, admin: Y, partner: N, care_partner: N },
  "participation.answer": { resident: OWN, prospective: OWN, ambassador: OWN, moderator: N, admin: N, partner: N, care_partner: N },
  "participation.manage": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
  "insight.read": { resident: N, prospective: N, ambassador: N, moderator: Y, admin: Y, partner: N, care_partner: N },
};

describe("can(actor, action, resource)", () => {
  const cases = ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));

  it.each(cases)("%s by %s", (action, role) => {
    // Staff and partners are members of no neighbourhood; residents of "own".
    const actor = { role, neighbourhoodIds: ["own"] };
    const answer = [can(actor, action, { neighbourhoodId: "own" }), can(actor, action, { neighbourhoodId: "other" })];
    expect(answer).toEqual(TABLE[action][role]);
  });

  it("covers every action and role in the table", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) expect(Object.keys(TABLE[action]).sort()).toEqual([...ROLES].sort());
  });

  it("gives a resident nothing in a neighbourhood-less context except their own account", () => {
    const actor = { role: "resident" as const, neighbourhoodIds: ["own"] };
    expect(ACTIONS.filter((action) => can(actor, action))).toEqual(["account.own"]);
  });
});
