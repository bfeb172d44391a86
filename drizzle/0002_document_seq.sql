CREATE TABLE `document_seq` (
	`document_id` text PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Counters for documents that already have a log or a compacted state: the highest seq used so far.
INSERT INTO `document_seq` (`document_id`, `last_seq`)
SELECT `id`, max(
  coalesce((SELECT max(`seq`) FROM `document_updates` u WHERE u.`document_id` = d.`id`), 0),
  coalesce((SELECT `through_seq` FROM `document_states` s WHERE s.`document_id` = d.`id`), 0)
) FROM `documents` d;
