DROP INDEX `posts_feed_idx`;--> statement-breakpoint
CREATE INDEX `posts_shared_feed_idx` ON `posts` (`neighbourhood_id`,`status`,(visible_to_corporation = 1 OR kind = 'announcement'),`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `posts_feed_idx` ON `posts` (`neighbourhood_id`,`status`,`created_at`,`id`);