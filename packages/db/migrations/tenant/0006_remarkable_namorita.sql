ALTER TABLE `tenant_settings` ADD `logo_key` text;--> statement-breakpoint
ALTER TABLE `tenant_settings` ADD `house_rules` text;