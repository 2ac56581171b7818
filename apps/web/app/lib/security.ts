// The per-request CSP nonce (docs/decisions/014-security-headers.md). The Worker's entry makes one
// per request (workers/app.ts), puts it on the router context and into the Content-Security-Policy;
// entry.server.tsx hands it to React Router (<ServerRouter nonce>, the default of <Scripts>,
// <ScrollRestoration> and <Links>) and to React's stream; useNonce gives it to our own inline <style>.
import { useContext } from "react";
import { createContext, UNSAFE_FrameworkContext } from "react-router";

export const nonceContext = createContext<string | undefined>(undefined);

/**
 * This request's nonce: from React Router while rendering on the server; in the browser the one the
 * page was served with (React compares an element's `nonce` property when it hydrates, and browsers
 * keep the value there while hiding the attribute), so hydration stays in step.
 */
export function useNonce(): string | undefined {
  const serverNonce = useContext(UNSAFE_FrameworkContext)?.nonce;
  if (serverNonce !== undefined || typeof document === "undefined") return serverNonce;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
