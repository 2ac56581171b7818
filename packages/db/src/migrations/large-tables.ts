// Decision 012: tables that grow with a corporation's activity (hundreds of thousands of rows) are
// never rebuilt by a tenant migration. A rebuild (drizzle-kit's `__new_<table>` copy, for changes
// SQLite cannot ALTER) holds that tenant's write lock for as long as the copy takes; such a change
// goes expand/contract instead (see the decision). packages/db/test/large-table-migrations.test.ts
// holds every tenant migration to this.
import type { Migration } from "../migrate.ts";

export const LARGE_TENANT_TABLES = ["posts", "audit_log"] as const;

/** The large tables a migration rebuilds or copies wholesale (empty when it only expands). */
export function largeTableRebuildsOf(migration: Migration): string[] {
  const found = new Set<string>();
  for (const statement of migration.statements) {
    for (const table of LARGE_TENANT_TABLES) {
      const name = `[\`"']?${table}[\`"']?`;
      const rebuild = new RegExp(`CREATE\\s+TABLE\\s+[\`"']?__new_${table}[\`"']?[\\s(]|DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?${name}(\\s|;|$)`, "i");
      if (rebuild.test(statement)) found.add(table);
    }
  }
  return [...found];
}
