// The letter and the poster load the same thing: the invite with its link (staff only) and the QR
// code of that link as SVG.
import { data, type LoaderFunctionArgs } from "react-router";
import { callApi } from "./api.server.ts";
import { renderQrSvg } from "./qr-code.server.ts";
import { requestSiteContext } from "./site-context.ts";
import { forbidden, requireTenantSite, requireViewer, viewerIsStaff } from "./invite-pages.ts";

export interface InviteDetail {
  invite: {
    id: string;
    code: string;
    label: string | null;
    state: string;
    expiresAt: number | null;
    link: string;
    joinPage: string;
  };
  neighbourhood: { slug: string; name: string; kind: string; city: string | null };
  complex: { name: string; address: string | null } | null;
  branding: { displayName: string; primaryColor: string; accentColor: string; logoUrl: string | null; sponsorStatement: string | null };
}

export async function loadPrintableInvite({ request, context, params }: LoaderFunctionArgs): Promise<{ detail: InviteDetail; qrSvg: string }> {
  const requestSite = requireTenantSite(context.get(requestSiteContext));
  if (!viewerIsStaff(requireViewer(requestSite))) forbidden();
  const result = await callApi<InviteDetail>(request, `/api/invites/${encodeURIComponent(params.id ?? "")}`);
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { detail: result.data, qrSvg: await renderQrSvg(result.data.invite.link) };
}
