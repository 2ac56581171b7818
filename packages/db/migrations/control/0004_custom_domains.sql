ALTER TABLE `tenant_domains` ADD `provider_ref` text;--> statement-breakpoint
ALTER TABLE `tenant_domains` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenant_domains` ADD `dns_records` text;--> statement-breakpoint
ALTER TABLE `tenant_domains` ADD `problems` text;--> statement-breakpoint
ALTER TABLE `tenant_domains` ADD `checked_at` integer;