// Every page action reads its form through one guarded helper (apps/web/app/lib/forms.ts): a body
// that is no form answers 415 (wrong or missing content type) or 400 (unreadable form) with the
// normal error page, never 500. Plain HTTP, no browser.
import { beforeAll, describe, expect, it } from "vitest";
import { send, sessionCookie } from "./raw-http.ts";

const MALFORMED = [
  { label: "a JSON body", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "anna@delinde.example" }), status: 415 },
  { label: "a body without content type", headers: {}, body: Buffer.from("email=anna%40delinde.example"), status: 415 },
  { label: "a multipart body without boundary", headers: { "content-type": "multipart/form-data" }, body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nanna\r\n--x--\r\n', status: 400 },
] as const;

type Visitor = "anonymous" | "resident" | "admin";

// The pages with a form action, each as the visitor its action accepts (others are sent away first).
const PAGES: { host: string; path: string; as: Visitor }[] = [
  { host: "localhost", path: "/aanmelden", as: "anonymous" },
  { host: "delinde.localhost", path: "/inloggen", as: "anonymous" },
  { host: "delinde.localhost", path: "/inloggen/link", as: "anonymous" },
  { host: "delinde.localhost", path: "/herstel", as: "anonymous" },
  { host: "delinde.localhost", path: "/doe-mee/geen-echte-code", as: "anonymous" },
  { host: "delinde.localhost", path: "/buurt/lindenhof", as: "resident" },
  { host: "delinde.localhost", path: "/buurt/lindenhof/veiligheid", as: "resident" },
  { host: "delinde.localhost", path: "/buurt/lindenhof/berichten/iets", as: "resident" },
  { host: "delinde.localhost", path: "/buurt/lindenhof/berichten/iets/bewerken", as: "resident" },
  { host: "delinde.localhost", path: "/account", as: "resident" },
  { host: "delinde.localhost", path: "/account/verwijderen", as: "resident" },
  { host: "delinde.localhost", path: "/uitnodigen", as: "resident" },
  { host: "delinde.localhost", path: "/zorgmelding", as: "resident" },
  { host: "delinde.localhost", path: "/zorg/signalen/iets", as: "resident" },
  { host: "delinde.localhost", path: "/beheer/uitnodigingen", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/aanmeldingen", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/aanmelden-namens", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/leden/iemand/verwijderen", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/leden/iemand/herstelcode", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/medewerkers", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/medewerkers/iemand", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/organisaties", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/zorgmeldingen/regels", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/organisaties/iets", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/leden/iemand/ambassadeur", as: "admin" },
  { host: "localhost", path: "/beheer", as: "anonymous" },
  { host: "localhost", path: "/beheer/corporaties/delinde", as: "anonymous" },
  { host: "delinde.localhost", path: "/beheer/opzeggen", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/domein", as: "admin" },
  { host: "delinde.localhost", path: "/beheer/domein/buurt.delinde.nl/verwijderen", as: "admin" },
];

describe("page actions given a body that is no form", () => {
  const cookies: Record<Visitor, string> = { anonymous: "", resident: "", admin: "" };
  beforeAll(async () => {
    cookies.resident = await sessionCookie("delinde", "anna@delinde.example");
    cookies.admin = await sessionCookie("delinde", "beheer@delinde.example");
  });

  for (const page of PAGES) {
    it(`${page.path} (and ${page.path}.data) answers 415/400, never 500`, async () => {
      const seen: string[] = [];
      for (const path of [page.path, `${page.path}.data`]) {
        for (const malformed of MALFORMED) {
          const headers: Record<string, string> = { ...malformed.headers, "accept-language": "nl" };
          if (cookies[page.as]) headers.cookie = cookies[page.as];
          const answer = await send(page.host, path, { method: "POST", headers, body: malformed.body });
          seen.push(`${path} ${malformed.label}: ${answer.status}`);
          expect(answer.status, `${path} with ${malformed.label}`).toBe(malformed.status);
          // The page itself shows the root error page with a readable message.
          if (!path.endsWith(".data")) expect(answer.text).toContain("Dit formulier kwam niet goed aan");
        }
      }
      expect(seen).toHaveLength(6);
    });
  }
});
