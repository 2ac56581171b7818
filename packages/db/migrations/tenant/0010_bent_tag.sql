CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`uploader_id` text,
	`post_id` text,
	`position` integer DEFAULT 0 NOT NULL,
	`key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `photos_post_idx` ON `photos` (`post_id`,`position`);--> statement-breakpoint
CREATE INDEX `photos_uploader_idx` ON `photos` (`uploader_id`,`post_id`);--> statement-breakpoint
CREATE INDEX `photos_key_idx` ON `photos` (`key`);--> statement-breakpoint
-- Search (issue 11, decision 025): one FTS5 index over posts and replies, accents folded
-- (unicode61 remove_diacritics 2: "cafe" finds "café"). search_docs says which row each index entry is
-- (its rowid is the entry's rowid), so triggers find an entry by item id without scanning the index.
-- Who may read a result is decided at query time by community/post-access.ts, never stored here.
CREATE TABLE `search_docs` (
	`rowid` integer PRIMARY KEY,
	`type` text NOT NULL,
	`item_id` text NOT NULL,
	`post_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_item_idx` ON `search_docs` (`item_id`,`type`);--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');--> statement-breakpoint
CREATE TRIGGER `posts_search_insert` AFTER INSERT ON `posts` BEGIN
	INSERT INTO search_docs (type, item_id, post_id, created_at) VALUES ('post', new.id, new.id, new.created_at);
	INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE item_id = new.id AND type = 'post'), coalesce(new.title, ''), new.body);
END;--> statement-breakpoint
CREATE TRIGGER `posts_search_update` AFTER UPDATE OF title, body ON `posts` BEGIN
	UPDATE search_index SET title = coalesce(new.title, ''), body = new.body WHERE rowid = (SELECT rowid FROM search_docs WHERE item_id = new.id AND type = 'post');
END;--> statement-breakpoint
CREATE TRIGGER `posts_search_delete` AFTER DELETE ON `posts` BEGIN
	DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE item_id = old.id AND type = 'post');
	DELETE FROM search_docs WHERE item_id = old.id AND type = 'post';
END;--> statement-breakpoint
CREATE TRIGGER `replies_search_insert` AFTER INSERT ON `replies` BEGIN
	INSERT INTO search_docs (type, item_id, post_id, created_at) VALUES ('reply', new.id, new.post_id, new.created_at);
	INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_docs WHERE item_id = new.id AND type = 'reply'), '', new.body);
END;--> statement-breakpoint
CREATE TRIGGER `replies_search_update` AFTER UPDATE OF body ON `replies` BEGIN
	UPDATE search_index SET body = new.body WHERE rowid = (SELECT rowid FROM search_docs WHERE item_id = new.id AND type = 'reply');
END;--> statement-breakpoint
CREATE TRIGGER `replies_search_delete` AFTER DELETE ON `replies` BEGIN
	DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_docs WHERE item_id = old.id AND type = 'reply');
	DELETE FROM search_docs WHERE item_id = old.id AND type = 'reply';
END;--> statement-breakpoint
-- Existing posts and replies go into the index now (the same statements as the rebuild command,
-- packages/db/src/tenant/search-index.ts).
INSERT INTO search_docs (type, item_id, post_id, created_at) SELECT 'post', id, id, created_at FROM posts;--> statement-breakpoint
INSERT INTO search_docs (type, item_id, post_id, created_at) SELECT 'reply', id, post_id, created_at FROM replies;--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT d.rowid, coalesce(p.title, ''), p.body FROM search_docs d JOIN posts p ON p.id = d.item_id WHERE d.type = 'post';--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT d.rowid, '', r.body FROM search_docs d JOIN replies r ON r.id = d.item_id WHERE d.type = 'reply';
