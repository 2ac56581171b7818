// How a page reaches the API: in the same Worker, without a network hop. The Worker's entry
// (workers/app.ts) runs every page view inside `runPageView`; `callPageApi` hands a request to the
// Hono API app with the page view's shared state, so the tenant and the session are resolved once per
// page view (by its first call) and reused by the calls after it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Bindings, PageRequestState } from "@buurtplein/worker/env";

interface PageView {
  api: { fetch(request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response> };
  /** The Worker's bindings plus this page view's shared state (PAGE_REQUEST_STATE). */
  env: Bindings;
  ctx: ExecutionContext;
}

const pageViews = new AsyncLocalStorage<PageView>();

export function runPageView<T>(view: PageView, render: () => Promise<T>): Promise<T> {
  const state: PageRequestState = {};
  return pageViews.run({ ...view, env: { ...view.env, PAGE_REQUEST_STATE: state } }, render);
}

export function callPageApi(request: Request): Promise<Response> {
  const view = pageViews.getStore();
  if (!view) throw new Error("callPageApi outside a page view (runPageView)");
  return Promise.resolve(view.api.fetch(request, view.env, view.ctx));
}
