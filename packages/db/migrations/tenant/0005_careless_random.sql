ALTER TABLE `complexes` ADD `code` text;--> statement-breakpoint
ALTER TABLE `complexes` ADD `street` text;--> statement-breakpoint
ALTER TABLE `complexes` ADD `house_number_from` integer;--> statement-breakpoint
ALTER TABLE `complexes` ADD `house_number_to` integer;--> statement-breakpoint
ALTER TABLE `complexes` ADD `postcode` text;--> statement-breakpoint
CREATE UNIQUE INDEX `complexes_code_idx` ON `complexes` (`code`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`);