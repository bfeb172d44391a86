ALTER TABLE `meetings` ADD `recurrence` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `series_id` text;