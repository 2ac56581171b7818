CREATE TABLE `partner_neighbourhoods` (
	`partner_id` text NOT NULL,
	`neighbourhood_id` text NOT NULL,
	PRIMARY KEY(`partner_id`, `neighbourhood_id`),
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `partner_neighbourhoods_neighbourhood_idx` ON `partner_neighbourhoods` (`neighbourhood_id`);--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `partners` ADD `logo_key` text;