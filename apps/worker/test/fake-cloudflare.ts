// A local stand-in for Cloudflare's custom hostname API (Cloudflare for SaaS), started by the worker
// tests in Node (global-setup.ts). Only what CloudflareCustomHostnames uses, in Cloudflare's shapes:
//   POST   /client/v4/zones/:zone/custom_hostnames              create (1406 on a duplicate)
//   GET    /client/v4/zones/:zone/custom_hostnames?hostname=…   list / search
//   GET    /client/v4/zones/:zone/custom_hostnames/:id          details
//   PATCH  /client/v4/zones/:zone/custom_hostnames/:id          validate again
//   DELETE /client/v4/zones/:zone/custom_hostnames/:id          delete
// Every answer is { success, errors, messages, result }. A hostname becomes active (status and
// certificate) once "the world's DNS" has a CNAME from it to the platform's target; the tests set that
// DNS with PUT /__dns/:hostname { cname } (the fake's own control route, not Cloudflare's).
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_CLOUDFLARE_TOKEN = "fake-cloudflare-api-token";
export const FAKE_CLOUDFLARE_ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
/** The platform's CNAME target in these tests. */
export const FAKE_CLOUDFLARE_TARGET = "domeinen.buurtplein.nl";

interface StoredHostname {
  id: string;
  hostname: string;
  status: string;
  verification_errors: string[];
  ownership_verification: { type: "txt"; name: string; value: string };
  ssl: { status: string; method: string; type: string; validation_records: { http_url: string; http_body: string }[] };
  created_at: string;
}

export interface FakeCloudflare {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return text ? JSON.parse(text) : undefined;
}

export async function startFakeCloudflare(options: { port: number; target: string }): Promise<FakeCloudflare> {
  const hostnames = new Map<string, StoredHostname>();
  const dns = new Map<string, string>();

  const send = (response: ServerResponse, status: number, result: unknown, errors: { code: number; message: string }[] = []) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify({ success: errors.length === 0, errors, messages: [], result: errors.length === 0 ? result : null }));
  };

  /** What Cloudflare does when it validates: CNAME in place → ownership proven and certificate issued. */
  const validate = (item: StoredHostname) => {
    if (dns.get(item.hostname) === options.target) {
      item.status = "active";
      item.ssl.status = "active";
      item.verification_errors = [];
    }
  };

  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://fake");
      const dnsRoute = /^\/__dns\/([^/]+)$/.exec(url.pathname);
      if (dnsRoute && request.method === "PUT") {
        const { cname } = (await readJson(request)) as { cname: string };
        dns.set(decodeURIComponent(dnsRoute[1]!), cname);
        return send(response, 200, { ok: true });
      }
      const route = /^\/client\/v4\/zones\/([^/]+)\/custom_hostnames(?:\/([^/]+))?$/.exec(url.pathname);
      if (!route) return send(response, 404, null, [{ code: 7003, message: "Could not route to this path" }]);
      if (request.headers.authorization !== `Bearer ${FAKE_CLOUDFLARE_TOKEN}`) {
        return send(response, 403, null, [{ code: 10000, message: "Authentication error" }]);
      }
      if (route[1] !== FAKE_CLOUDFLARE_ZONE) return send(response, 404, null, [{ code: 1001, message: "Invalid zone identifier" }]);
      const id = route[2];
      if (!id && request.method === "POST") {
        const body = (await readJson(request)) as { hostname?: string; ssl?: { method?: string; type?: string } };
        if (!body?.hostname || !body.ssl?.method) return send(response, 400, null, [{ code: 1400, message: "Invalid request" }]);
        if ([...hostnames.values()].some((item) => item.hostname === body.hostname)) {
          return send(response, 409, null, [{ code: 1406, message: "Duplicate custom hostname found." }]);
        }
        const item: StoredHostname = {
          id: randomBytes(16).toString("hex"),
          hostname: body.hostname,
          status: "pending",
          verification_errors: ["custom hostname does not CNAME to this zone."],
          ownership_verification: { type: "txt", name: `_cf-custom-hostname.${body.hostname}`, value: randomUUID() },
          ssl: {
            status: "pending_validation",
            method: body.ssl.method,
            type: body.ssl.type ?? "dv",
            validation_records: [{ http_url: `http://${body.hostname}/.well-known/pki-validation/${randomBytes(8).toString("hex")}.txt`, http_body: randomUUID() }],
          },
          created_at: new Date().toISOString(),
        };
        hostnames.set(item.id, item);
        return send(response, 200, item);
      }
      if (!id && request.method === "GET") {
        const wanted = url.searchParams.get("hostname");
        return send(response, 200, [...hostnames.values()].filter((item) => !wanted || item.hostname === wanted));
      }
      const item = id ? hostnames.get(id) : undefined;
      if (!item) return send(response, 404, null, [{ code: 1436, message: "The custom hostname was not found." }]);
      if (request.method === "GET") return send(response, 200, item);
      if (request.method === "PATCH") {
        await readJson(request);
        validate(item);
        return send(response, 200, item);
      }
      if (request.method === "DELETE") {
        hostnames.delete(item.id);
        return send(response, 200, { id: item.id });
      }
      return send(response, 405, null, [{ code: 10405, message: "Method not allowed" }]);
    } catch (error) {
      send(response, 500, null, [{ code: 500, message: String(error) }]);
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
