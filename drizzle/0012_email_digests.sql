CREATE TABLE `email_digests` (
	`user_id` text PRIMARY KEY NOT NULL,
	`last_sent_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `emailed_at` integer;--> statement-breakpoint
CREATE INDEX `notifications_undigested_idx` ON `notifications` (`created_at`) WHERE "notifications"."emailed_at" IS NULL AND "notifications"."read_at" IS NULL;