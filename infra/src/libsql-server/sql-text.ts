// Tiny helpers that look at the start of an SQL text (never a full parser).

/** Drops leading whitespace and -- / block comments. */
export function stripLeadingComments(sql: string): string {
  let rest = sql;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith("--")) {
      const end = rest.indexOf("\n");
      rest = end === -1 ? "" : rest.slice(end + 1);
    } else if (rest.startsWith("/*")) {
      const end = rest.indexOf("*/");
      rest = end === -1 ? "" : rest.slice(end + 2);
    } else {
      return rest;
    }
  }
}

/** Nothing but whitespace, comments and semicolons. */
export function isEmptySql(sql: string): boolean {
  let rest = stripLeadingComments(sql);
  while (rest.startsWith(";")) rest = stripLeadingComments(rest.slice(1));
  return rest === "";
}

export function isExplain(sql: string): boolean {
  return /^EXPLAIN\b/i.test(stripLeadingComments(sql));
}

/** Removes a leading EXPLAIN [QUERY PLAN], so the statement itself can be EXPLAINed. */
export function withoutExplain(sql: string): string {
  return stripLeadingComments(sql).replace(/^EXPLAIN(\s+QUERY\s+PLAN)?\b/i, "");
}

/** A plain SELECT can never write, so it may run beside another stream's open transaction (WAL). */
export function isPlainSelect(sql: string): boolean {
  return /^SELECT\b/i.test(stripLeadingComments(sql));
}

/** One-line, shortened SQL for the request log. */
export function sqlSummary(sql: string, max = 160): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
