CREATE TABLE `care_routing_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text,
	`neighbourhood_id` text,
	`partner_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `care_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`reminder_working_days` integer DEFAULT 2 NOT NULL,
	`escalation_working_days` integer DEFAULT 5 NOT NULL,
	`retention_months` integer DEFAULT 12 NOT NULL,
	`coordinator_id` text,
	`privacy_officer_id` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`coordinator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`privacy_officer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `signal_events` (
	`id` text PRIMARY KEY NOT NULL,
	`signal_id` text NOT NULL,
	`actor_id` text,
	`partner_id` text,
	`event` text NOT NULL,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `signal_events_signal_idx` ON `signal_events` (`signal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `signal_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`signal_id` text NOT NULL,
	`partner_id` text,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signal_notes_signal_idx` ON `signal_notes` (`signal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `signal_views` (
	`id` text PRIMARY KEY NOT NULL,
	`signal_id` text NOT NULL,
	`viewer_id` text NOT NULL,
	`viewer_role` text NOT NULL,
	`partner_id` text,
	`viewed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `signal_views_viewed_idx` ON `signal_views` (`viewed_at`);--> statement-breakpoint
CREATE TABLE `signals` (
	`id` text PRIMARY KEY NOT NULL,
	`reporter_id` text,
	`category` text NOT NULL,
	`about` text NOT NULL,
	`consent` integer DEFAULT false NOT NULL,
	`neighbourhood_id` text NOT NULL,
	`details` text,
	`status` text DEFAULT 'new' NOT NULL,
	`partner_id` text,
	`routing_rule_id` text,
	`declined_by` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`routed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`acknowledged_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`reminded_at` integer,
	`escalated_at` integer,
	`details_removed_at` integer,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signals_partner_idx` ON `signals` (`partner_id`,`status`);--> statement-breakpoint
CREATE INDEX `signals_reporter_idx` ON `signals` (`reporter_id`);--> statement-breakpoint
CREATE INDEX `signals_status_idx` ON `signals` (`status`,`closed_at`);--> statement-breakpoint
CREATE TRIGGER `signal_views_no_update` BEFORE UPDATE ON `signal_views` BEGIN SELECT RAISE(ABORT, 'signal_views is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `signal_views_no_delete` BEFORE DELETE ON `signal_views` BEGIN SELECT RAISE(ABORT, 'signal_views is append-only'); END;
