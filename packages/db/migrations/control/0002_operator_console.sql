CREATE TABLE `operator_audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text,
	`operator_email` text NOT NULL,
	`action` text NOT NULL,
	`tenant_id` text,
	`tenant_slug` text,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `operator_audit_log_created_idx` ON `operator_audit_log` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `operator_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `operator_sessions_expires_idx` ON `operator_sessions` (`expires_at`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `deletion_requested_at` integer;--> statement-breakpoint
ALTER TABLE `tenants` ADD `deleted_at` integer;