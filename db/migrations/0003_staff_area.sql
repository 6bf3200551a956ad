ALTER TABLE `applications` ADD `assigned_to_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `district` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `kind` text DEFAULT 'approval' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `batch_ref` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `corrects_payment_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `created_by_user_id` text REFERENCES users(id);