// Provisions 20 tenants end to end (requestTenant + provisionTenant) against a local libSQL server
// and prints the median and p95 duration. Prints figures only; never fails on time.
import { provisionTenant, requestTenant, tenantMigrations } from "../packages/db/src/index.ts";
import { percentile, startLocalPlatform } from "./local-platform.ts";

const TENANTS = 20;
const platform = await startLocalPlatform();
const durations: number[] = [];
try {
  for (let i = 0; i < TENANTS; i++) {
    const started = performance.now();
    const requested = await requestTenant(platform.control, {
      slug: `bench-${i}`,
      name: `Bench Corporatie ${i}`,
      admin: { email: `beheer${i}@example.nl`, displayName: "Beheer", passwordHash: "bench-not-a-real-hash" },
    });
    await provisionTenant({
      control: platform.control,
      databases: platform.databases,
      tenantId: requested.id,
      tenantMigrations,
      tokenKey: platform.tokenKey,
    });
    durations.push(performance.now() - started);
  }
} finally {
  await platform.close();
}

const sorted = [...durations].sort((a, b) => a - b);
console.log(`tenants=${TENANTS}`);
console.log(`provision_ms=${percentile(sorted, 50).toFixed(1)}`);
console.log(`provision_p95_ms=${percentile(sorted, 95).toFixed(1)}`);
console.log(`provision_max_ms=${(sorted.at(-1) ?? 0).toFixed(1)}`);
