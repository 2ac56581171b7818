// Plain HTTP requests to the running product as if to <slug>.localhost (Node cannot resolve
// *.localhost; the product listens on 127.0.0.1), for tests that need no browser: any method, any
// headers, any body (also none, or one without content type).
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { port, randomIp } from "./browser.ts";

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function send(host: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  const body = options.body ?? "";
  const headers: Record<string, string> = { host: `${host}:${port()}`, "cf-connecting-ip": randomIp(), "content-length": String(Buffer.byteLength(body)), ...options.headers };
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: port(), path, method: options.method ?? "GET", headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** Logs in through the API (password) and returns the session cookie ("bp_session=…"). */
export async function sessionCookie(slug: string, email: string, password = "buurtplein-demo"): Promise<string> {
  const answer = await send(`${slug}.localhost`, "/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: email, password }),
  });
  const cookie = (answer.headers["set-cookie"] ?? []).find((value) => value.startsWith("bp_session="));
  if (answer.status !== 200 || !cookie) throw new Error(`login ${email}: ${answer.status} ${answer.text}`);
  return cookie.split(";")[0]!;
}
