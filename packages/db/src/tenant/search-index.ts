// The search index (FTS5 `search_index` with `search_docs`, created by hand-written SQL in the tenant
// migration that introduced search; triggers keep it in sync with posts and replies). These statements
// rebuild it from the rows, e.g. after restoring data that bypassed the triggers: run them in one batch.
export const REBUILD_SEARCH_INDEX: readonly string[] = [
  "DELETE FROM search_index",
  "DELETE FROM search_docs",
  "INSERT INTO search_docs (type, item_id, post_id, created_at) SELECT 'post', id, id, created_at FROM posts",
  "INSERT INTO search_docs (type, item_id, post_id, created_at) SELECT 'reply', id, post_id, created_at FROM replies",
  "INSERT INTO search_index (rowid, title, body) SELECT d.rowid, coalesce(p.title, ''), p.body FROM search_docs d JOIN posts p ON p.id = d.item_id WHERE d.type = 'post'",
  "INSERT INTO search_index (rowid, title, body) SELECT d.rowid, '', r.body FROM search_docs d JOIN replies r ON r.id = d.item_id WHERE d.type = 'reply'",
  "INSERT INTO search_index (search_index) VALUES ('optimize')",
];
