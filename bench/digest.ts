// How long the digest takes for one corporation with 5,000 members (issue 12, decision 024). A tenant
// database on the local libSQL server: bench/tenant-fill.ts (four neighbourhoods, 20,000 posts over
// three years), 4,400 more residents (5,000 members in all), 120 posts in the last day. Then
//   digest_build_ms  = one load (the job's batch: settings, members, the week's posts) + choosing and
//                      rendering every member's digest with its signed unsubscribe link (no sending)
//   digest_job_ms    = the whole job as the queue consumer runs it (apps/worker/src/notifications/
//                      digest-job.ts): per member sent a claim, the e-mail (the dev mailbox: one insert
//                      into the control plane) and its "done", as if every member's hour had come
//   tsx bench/digest.ts [--members 5000]
// Prints figures only; never fails on time.
import { parseArgs } from "node:util";
import { createDbClient, migrateDatabase, openTenantDb, tenantMigrations } from "../packages/db/src/index.ts";
import { generateTenantTokenKey, importUnsubscribeKey, renderDigestMail, selectDigest, signUnsubscribeToken } from "../packages/core/src/index.ts";
import { candidatesQuery, membersQuery, toDigestMember } from "../apps/worker/src/notifications/digest-data.ts";
import { runDigestJob } from "../apps/worker/src/notifications/digest-job.ts";
import { settingsQuery } from "../apps/worker/src/middleware/session.ts";
import { createLogger } from "../apps/worker/src/lib/logger.ts";
import type { Bindings, Tenant } from "../apps/worker/src/env.ts";
import { startLocalPlatform } from "./local-platform.ts";
import { fillTenant } from "./tenant-fill.ts";

const { values } = parseArgs({ options: { members: { type: "string", default: "5000" } } });
const MEMBERS = Number(values.members);
const DAY = 24 * 60 * 60 * 1000;

const platform = await startLocalPlatform();
try {
  const database = await platform.databases.createDatabase("digest-bench");
  const client = createDbClient({ url: database.url, authToken: database.token });
  await migrateDatabase(client, tenantMigrations);
  const now = Date.now();
  await fillTenant(client, 20_000, { now });
  await client.batch(
    [
      { sql: "INSERT INTO tenant_settings (id, display_name) VALUES (1, 'Woonstichting Bench') ON CONFLICT (id) DO NOTHING", args: [] },
      {
        // Residents u0600… up to MEMBERS, spread over the four neighbourhoods; none has visited (away).
        sql: `WITH RECURSIVE n(i) AS (SELECT 600 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
              INSERT INTO users (id, email, display_name, role, status, created_at, updated_at)
              SELECT printf('u%04d', i), printf('lid%04d@example.nl', i), printf('Buur %d', i), 'resident', 'active', ?, ? FROM n`,
        args: [MEMBERS, now - 365 * DAY, now - 365 * DAY],
      },
      {
        sql: `INSERT INTO memberships (user_id, neighbourhood_id, joined_at, status)
              SELECT id, CASE CAST(substr(id, 2) AS INTEGER) % 4 WHEN 0 THEN 'nb-lindenhof' WHEN 1 THEN 'nb-kadekwartier'
                                WHEN 2 THEN 'nb-parkzicht' ELSE 'nb-de-werf' END, created_at, 'active'
              FROM users WHERE CAST(substr(id, 2) AS INTEGER) >= 600`,
        args: [],
      },
      {
        // The last day's news: 120 posts of every kind over the four neighbourhoods.
        sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 119)
              INSERT INTO posts (id, neighbourhood_id, author_id, kind, title, body, status, created_at, updated_at)
              SELECT printf('recent-%03d', i),
                     CASE i % 4 WHEN 0 THEN 'nb-lindenhof' WHEN 1 THEN 'nb-kadekwartier' WHEN 2 THEN 'nb-parkzicht' ELSE 'nb-de-werf' END,
                     printf('u%04d', 5 + i), CASE i % 6 WHEN 0 THEN 'help_request' WHEN 1 THEN 'lost_found' WHEN 2 THEN 'question' WHEN 3 THEN 'offer' ELSE 'message' END,
                     printf('Nieuws %d', i), 'Wie helpt er zaterdag mee in de binnentuin? Koffie staat klaar.', 'published', ? - i * 600000, ? - i * 600000
              FROM n`,
        args: [now, now],
      },
    ],
    "write",
  );
  const db = openTenantDb(client);
  const key = await importUnsubscribeKey(crypto.getRandomValues(new Uint8Array(32)));

  // Build only: the job's one load, then every member's digest chosen, signed and rendered.
  const started = performance.now();
  const [settingsRows, memberRows, candidates] = await db.batch([settingsQuery(db), membersQuery(db), candidatesQuery(db, now)]);
  const loaded = performance.now();
  let built = 0;
  for (const member of memberRows.map(toDigestMember)) {
    const digest = selectDigest({ userId: member.userId, frequency: "daily", neighbourhoods: member.neighbourhoods, lastDigestAt: null, lastSeenAt: null }, candidates, now);
    if (!digest) continue;
    const url = `https://bench.buurtplein.nl/overzicht/afmelden?token=${await signUnsubscribeToken(key, member.userId, now + DAY)}`;
    renderDigestMail({ locale: "nl", corporationName: settingsRows[0]!.displayName, primaryColor: "#1f6f5c", accentColor: "#f2b134", sponsorStatement: null, displayName: member.displayName, digest, origin: "https://bench.buurtplein.nl", unsubscribeUrl: url });
    built++;
  }
  const buildMs = performance.now() - started;
  console.log(`members=${memberRows.length} candidate_posts=${candidates.length} digests=${built}`);
  console.log(`digest_load_ms=${(loaded - started).toFixed(0)}`);
  console.log(`digest_build_ms=${buildMs.toFixed(0)}`);

  // The whole job, sending into the dev mailbox (the control plane), as the consumer runs it.
  const env = { ENVIRONMENT: "development", MAILER: "dev", TENANT_TOKEN_KEY: generateTenantTokenKey(), BASE_DOMAINS: "buurtplein.nl" } as unknown as Bindings;
  const tenant = { id: "bench-tenant", slug: "bench", name: "Woonstichting Bench" } as Tenant;
  const jobStarted = performance.now();
  const report = await runDigestJob({ env, control: platform.control, tenant, db, logger: createLogger({ bench: "digest" }), now, origin: "https://bench.buurtplein.nl", everyone: true });
  const jobMs = performance.now() - jobStarted;
  console.log(`digest_job_ms=${jobMs.toFixed(0)} sent=${report.sent} per_member_sent_ms=${(jobMs / Math.max(1, report.sent)).toFixed(2)}`);
  client.close();
} finally {
  await platform.close();
}
