// The letter and the poster load the same thing: the invite with its link (staff only) and the QR
// code of that link as SVG.
import { data, type LoaderFunctionArgs } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import type { ApiAnswer, ApiClient } from "../../lib/api-types.ts";
import { renderQrSvg } from "./qr-code.server.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { forbidden, requireTenantSite, requireViewer, viewerIsStaff } from "../../lib/invite-pages.ts";

/** One invite with its link, code and the corporation's branding (GET /api/invites/:id). */
export type InviteDetail = ApiAnswer<ApiClient["invites"][":id"]["$get"]>;

export async function loadPrintableInvite({ request, context, params }: LoaderFunctionArgs): Promise<{ detail: InviteDetail; qrSvg: string }> {
  const requestSite = requireTenantSite(context.get(requestSiteContext));
  if (!viewerIsStaff(requireViewer(requestSite))) forbidden();
  const result = await callApi(request, (api) => api.invites[":id"].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  return { detail: result.data, qrSvg: await renderQrSvg(result.data.invite.link) };
}
