import { redirect, type ActionFunctionArgs } from "react-router";
import { callApi, forwardCookies } from "../../lib/api.server.ts";

// POST /uitloggen — ends the session; GET just goes home (logging out needs a form post).
export async function action({ request }: ActionFunctionArgs) {
  const result = await callApi(request, (api) => api.auth.logout.$post());
  throw redirect("/", { headers: forwardCookies(result) });
}

export async function loader() {
  throw redirect("/");
}
