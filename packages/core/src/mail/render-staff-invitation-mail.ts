// The e-mail to a new staff member (admin, moderator, partner, care partner): who invited them, for
// which role, and a login link that works for a week, once. Afterwards they log in with a login link
// by e-mail (/inloggen). Texts from the catalogue (mail.staffInvitation).
import { escapeHtml } from "./escape-html.ts";
import { translate, type MessageKey } from "../i18n/messages.ts";
import { wrapMailHtml, type MailLocale, type RenderedMail } from "./mail-layout.ts";
import type { StaffRole } from "../staff/staff-roles.ts";

export interface StaffInvitationMailInput {
  locale: MailLocale;
  corporationName: string;
  /** The new staff member's name. */
  displayName: string;
  /** The admin who invited them. */
  invitedBy: string;
  role: StaffRole;
  /** The partner or care organisation, for partners and care partners. */
  organisationName: string | null;
  /** A login link, e.g. https://delinde.buurtplein.nl/inloggen/link?token=… */
  link: string;
  validDays: number;
}

export function renderStaffInvitationMail(input: StaffInvitationMailInput): RenderedMail {
  const roleName = translate(input.locale, `mail.staffInvitation.roles.${input.role}`);
  const params = {
    person: input.displayName,
    name: input.corporationName,
    inviter: input.invitedBy,
    role: roleName,
    organisation: input.organisationName ?? "",
    days: input.validDays,
  };
  const say = (key: MessageKey) => translate(input.locale, key, params);
  const subject = say("mail.staffInvitation.subject");
  const before = [
    say("mail.greetingName"),
    say(input.organisationName ? "mail.staffInvitation.introOrganisation" : "mail.staffInvitation.intro"),
    say(`mail.staffInvitation.what.${input.role}`),
    say("mail.staffInvitation.instruction"),
  ];
  const after = [say("mail.staffInvitation.validity"), say("mail.staffInvitation.later"), say("mail.staffInvitation.notYou"), say("mail.signature")];
  const link = escapeHtml(input.link);
  return {
    subject,
    text: [...before, "", input.link, "", ...after].join("\n"),
    html: wrapMailHtml(input.locale, subject, [
      ...before.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      `<p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#1f6f5c;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:8px;">${escapeHtml(say("mail.staffInvitation.action"))}</a></p>`,
      `<p style="word-break:break-all;"><a href="${link}" style="color:#1f6f5c;">${link}</a></p>`,
      ...after.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ]),
  };
}
