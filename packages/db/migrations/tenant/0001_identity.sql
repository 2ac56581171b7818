CREATE TABLE `invites` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'neighbourhood' NOT NULL,
	`token` text NOT NULL,
	`code` text NOT NULL,
	`neighbourhood_id` text NOT NULL,
	`complex_id` text,
	`role` text DEFAULT 'resident' NOT NULL,
	`label` text,
	`created_by_id` text,
	`expires_at` integer,
	`max_uses` integer,
	`uses` integer DEFAULT 0 NOT NULL,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`complex_id`) REFERENCES `complexes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invites_token_unique` ON `invites` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `invites_code_unique` ON `invites` (`code`);--> statement-breakpoint
CREATE INDEX `invites_neighbourhood_idx` ON `invites` (`neighbourhood_id`);--> statement-breakpoint
CREATE INDEX `invites_creator_idx` ON `invites` (`created_by_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `login_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `login_tokens_user_idx` ON `login_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `users` ADD `login_name` text;--> statement-breakpoint
ALTER TABLE `users` ADD `review_note` text;--> statement-breakpoint
ALTER TABLE `users` ADD `registered_by_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `consent_recorded_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `joined_via_invite_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_name_unique` ON `users` (`login_name`);