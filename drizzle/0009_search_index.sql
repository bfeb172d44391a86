-- Workspace search (server/search/): one row per (document, record) and per comment or reply.
-- FTS5 virtual tables are not expressible in drizzle's schema, so this migration is hand-written.
-- source is 'document' (rows rebuilt from the document's projection) or 'comment' (source_id is the comment or reply id).
CREATE VIRTUAL TABLE `search_index` USING fts5(
  workspace_id UNINDEXED,
  document_id UNINDEXED,
  record_id UNINDEXED,
  source UNINDEXED,
  source_id UNINDEXED,
  record_title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);
