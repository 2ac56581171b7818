CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`place` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer,
	`registration_deadline` integer,
	`created_by_id` text,
	`sponsor_partner_id` text,
	`sponsor_note` text,
	`status` text NOT NULL,
	`review_reason` text,
	`reviewed_by_id` text,
	`cancel_message` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`sponsor_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `activities_status_idx` ON `activities` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `activities_sponsor_idx` ON `activities` (`sponsor_partner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `activity_neighbourhoods` (
	`activity_id` text NOT NULL,
	`neighbourhood_id` text NOT NULL,
	PRIMARY KEY(`activity_id`, `neighbourhood_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_neighbourhoods_neighbourhood_idx` ON `activity_neighbourhoods` (`neighbourhood_id`,`activity_id`);--> statement-breakpoint
CREATE TABLE `activity_organisers` (
	`activity_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`activity_id`, `user_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_organisers_user_idx` ON `activity_organisers` (`user_id`);--> statement-breakpoint
CREATE TABLE `activity_rsvps` (
	`activity_id` text NOT NULL,
	`user_id` text NOT NULL,
	`answer` text NOT NULL,
	`waitlisted` integer DEFAULT false NOT NULL,
	`responded_at` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `user_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_rsvps_list_idx` ON `activity_rsvps` (`activity_id`,`answer`,`waitlisted`,`responded_at`);--> statement-breakpoint
CREATE INDEX `activity_rsvps_user_idx` ON `activity_rsvps` (`user_id`);--> statement-breakpoint
CREATE TABLE `activity_views` (
	`activity_id` text NOT NULL,
	`neighbourhood_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`activity_id`, `neighbourhood_id`, `user_id`, `kind`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `calendar_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_tokens_user_id_unique` ON `calendar_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `sponsored_activity_blocks` (
	`neighbourhood_id` text PRIMARY KEY NOT NULL,
	`blocked_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`blocked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
