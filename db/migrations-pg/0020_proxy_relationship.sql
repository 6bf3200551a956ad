CREATE TABLE "community_workers" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"region" text NOT NULL,
	"organisation" text NOT NULL,
	"authority_id" text,
	"verified_by" text NOT NULL,
	"verified_at" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "relationship" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "proxy_name_enc" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "proxy_id_number_enc" text;--> statement-breakpoint
ALTER TABLE "community_workers" ADD CONSTRAINT "community_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_workers" ADD CONSTRAINT "community_workers_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_workers" ADD CONSTRAINT "community_workers_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_workers_user_region_uq" ON "community_workers" USING btree ("user_id","region");