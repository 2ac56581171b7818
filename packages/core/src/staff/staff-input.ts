import { z } from "zod";
import { blankToUndefined } from "../invites/blank-to-undefined.ts";
import { STAFF_INVITE_ROLES } from "./staff-roles.ts";

const role = z.enum(STAFF_INVITE_ROLES, { error: "validation.staff.role" });
/** An organisation's id (a UUID in this corporation's database); checked against the database by the route. */
const organisationId = z.preprocess(blankToUndefined, z.string({ error: "validation.staff.organisationUnknown" }).trim().max(64, "validation.staff.organisationUnknown").optional());

/** POST /api/staff: an admin invites a new staff member by e-mail. */
export const ZInviteStaffInput = z.object({
  email: z
    .string({ error: "validation.email.missing" })
    .trim()
    .toLowerCase()
    .pipe(z.email("validation.email.invalid").max(254, "validation.email.invalid")),
  displayName: z
    .string({ error: "validation.staff.nameMissing" })
    .trim()
    .min(2, "validation.staff.nameTooShort")
    .max(80, "validation.staff.nameTooLong"),
  role,
  /** Required for partners (a "local" organisation) and care partners (a "care" organisation); not for others. */
  organisationId,
  locale: z.enum(["nl", "en"]).optional(),
});
export type TInviteStaffInput = z.infer<typeof ZInviteStaffInput>;

/** PATCH /api/staff/:id: an admin gives a staff member another role (or another organisation). */
export const ZChangeStaffRoleInput = z.object({ role, organisationId });
export type TChangeStaffRoleInput = z.infer<typeof ZChangeStaffRoleInput>;
