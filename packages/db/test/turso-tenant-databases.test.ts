// TursoTenantDatabases against a fake of Turso's Platform API that records every request.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TursoTenantDatabases } from "../src/index.ts";

interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

const requests: RecordedRequest[] = [];
const existing = new Set<string>();
let server: Server;
let baseUrl: string;

function dbRecord(name: string) {
  return { Name: name, DbId: `id-${name}`, Hostname: `${name}-acme.turso.io`, group: "tenants", type: "logical" };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? "/", "http://fake");
    const path = `${url.pathname}${url.search}`;
    requests.push({ method: request.method ?? "", path, authorization: request.headers.authorization, body });
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(json));
    };
    // The database server itself (what https://<hostname> answers): /info and /export/<generation>.
    const dbRoute = url.pathname.match(/^\/db\/([^/]+)\/(info|export\/(\d+))$/);
    if (dbRoute) {
      if (request.headers.authorization !== "Bearer jwt-for-tenant-de-linde") return reply(401, { error: "unauthorized" });
      if (dbRoute[2] === "info") return reply(200, { current_generation: 7 });
      if (dbRoute[3] !== "7") return reply(404, { error: "no such generation" });
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": "20" });
      return response.end(Buffer.from("SQLite format 3\0....", "latin1"));
    }
    const match = url.pathname.match(/^\/v1\/organizations\/acme\/databases(?:\/([^/]+))?(\/auth\/tokens)?$/);
    if (!match) return reply(404, { error: "route not found" });
    const [, name, tokens] = match;
    if (request.method === "POST" && !name) {
      const wanted = (body as { name: string }).name;
      if (existing.has(wanted)) return reply(409, { error: `database with name ${wanted} already exists` });
      existing.add(wanted);
      return reply(200, { database: dbRecord(wanted) });
    }
    if (!name || !existing.has(name)) return reply(404, { error: "database not found" });
    if (request.method === "POST" && tokens) return reply(200, { jwt: `jwt-for-${name}` });
    if (request.method === "GET") return reply(200, { database: dbRecord(name) });
    if (request.method === "DELETE") {
      existing.delete(name);
      return reply(200, { database: name });
    }
    return reply(405, { error: "method not allowed" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
  existing.clear();
});

function turso(): TursoTenantDatabases {
  return new TursoTenantDatabases({ organization: "acme", apiToken: "platform-token", group: "tenants", baseUrl });
}

const tokenRequest = (name: string): RecordedRequest => ({
  method: "POST",
  path: `/v1/organizations/acme/databases/${name}/auth/tokens?authorization=full-access`,
  authorization: "Bearer platform-token",
  body: { permissions: { read_attach: { databases: [] } } },
});

describe("TursoTenantDatabases", () => {
  it("creates a database in the group and mints a full-access token", async () => {
    const database = await turso().createDatabase("tenant-de-linde");
    expect(database).toEqual({
      name: "tenant-de-linde",
      url: "libsql://tenant-de-linde-acme.turso.io",
      token: "jwt-for-tenant-de-linde",
    });
    expect(requests).toEqual([
      {
        method: "POST",
        path: "/v1/organizations/acme/databases",
        authorization: "Bearer platform-token",
        body: { name: "tenant-de-linde", group: "tenants" },
      },
      tokenRequest("tenant-de-linde"),
    ]);
  });

  it("looks an existing database up instead of failing (409)", async () => {
    existing.add("tenant-de-linde");
    const database = await turso().createDatabase("tenant-de-linde");
    expect(database.url).toBe("libsql://tenant-de-linde-acme.turso.io");
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/organizations/acme/databases",
      "GET /v1/organizations/acme/databases/tenant-de-linde",
      `POST ${tokenRequest("tenant-de-linde").path}`,
    ]);
    expect(requests.every((r) => r.authorization === "Bearer platform-token")).toBe(true);
  });

  it("passes a token expiration on", async () => {
    const expiring = new TursoTenantDatabases({
      organization: "acme",
      apiToken: "platform-token",
      group: "tenants",
      baseUrl,
      tokenExpiration: "30d",
    });
    await expiring.createDatabase("tenant-x");
    expect(requests[1]?.path).toBe("/v1/organizations/acme/databases/tenant-x/auth/tokens?expiration=30d&authorization=full-access");
  });

  it("deletes, and treats a missing database as deleted", async () => {
    existing.add("tenant-de-linde");
    await turso().deleteDatabase("tenant-de-linde");
    await turso().deleteDatabase("tenant-de-linde");
    expect(requests).toEqual([
      { method: "DELETE", path: "/v1/organizations/acme/databases/tenant-de-linde", authorization: "Bearer platform-token", body: undefined },
      { method: "DELETE", path: "/v1/organizations/acme/databases/tenant-de-linde", authorization: "Bearer platform-token", body: undefined },
    ]);
  });

  it("exports the current generation as a SQLite file with a short-lived read-only token", async () => {
    existing.add("tenant-de-linde");
    const databases = new TursoTenantDatabases({
      organization: "acme",
      apiToken: "platform-token",
      group: "tenants",
      baseUrl,
      databaseBaseUrl: (hostname) => `${new URL(baseUrl).origin}/db/${hostname}`,
    });
    const exported = await databases.exportDatabase("tenant-de-linde");
    expect(exported.size).toBe(20);
    const bytes = Buffer.from(await new Response(exported.body).arrayBuffer());
    expect(bytes.subarray(0, 16).toString("latin1")).toBe("SQLite format 3\0");
    expect(requests.map((r) => `${r.method} ${r.path} ${r.authorization}`)).toEqual([
      "GET /v1/organizations/acme/databases/tenant-de-linde Bearer platform-token",
      "POST /v1/organizations/acme/databases/tenant-de-linde/auth/tokens?expiration=1h&authorization=read-only Bearer platform-token",
      "GET /db/tenant-de-linde-acme.turso.io/info Bearer jwt-for-tenant-de-linde",
      "GET /db/tenant-de-linde-acme.turso.io/export/7 Bearer jwt-for-tenant-de-linde",
    ]);
  });

  it("surfaces other API errors", async () => {
    const badOrg = new TursoTenantDatabases({ organization: "other", apiToken: "t", group: "g", baseUrl });
    await expect(badOrg.createDatabase("tenant-x")).rejects.toThrow(/route not found/);
  });
});
