-- Personal data moves into ciphertext columns (hole 6). SQL cannot encrypt (the keys live in the app), so
-- existing values are copied as `p0:<plain>` ("plain, waiting to be sealed"); `npm run keys:rotate`
-- seals every `p0:` value with the current key. Run it right after this migration (docs/security.md).
ALTER TABLE "episodes" ADD COLUMN "data_enc" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "episodes" SET "data_enc" = 'p0:' || json_build_object(
  'hospitalName', "hospital_name", 'date', "date", 'endDate', "end_date", 'kind', "kind", 'hospitalLevel', "hospital_level",
  'specialDisease', "special_disease", 'referred', "referred", 'location', "location", 'offsiteFiled', "offsite_filed",
  'totalFen', "total_fen", 'policyFen', "policy_fen", 'basicPaidFen', "basic_paid_fen", 'criticalPaidFen', "critical_paid_fen",
  'supplementaryPaidFen', "supplementary_paid_fen")::text;--> statement-breakpoint
ALTER TABLE "episodes" ALTER COLUMN "data_enc" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "person_categories" ADD COLUMN "certificate_no_enc" text;--> statement-breakpoint
UPDATE "person_categories" SET "certificate_no_enc" = 'p0:' || "certificate_no" WHERE "certificate_no" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "name_enc" text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "name_masked" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "persons" SET "name_enc" = 'p0:' || "name", "name_masked" = CASE
  WHEN char_length(btrim("name")) <= 1 THEN btrim("name")
  WHEN char_length(btrim("name")) = 2 THEN left(btrim("name"), 1) || '*'
  ELSE left(btrim("name"), 1) || repeat('*', char_length(btrim("name")) - 2) || right(btrim("name"), 1)
END;--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "name_enc" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "name_masked" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "hospital_name";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "date";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "end_date";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "kind";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "hospital_level";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "special_disease";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "referred";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "location";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "offsite_filed";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "total_fen";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "policy_fen";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "basic_paid_fen";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "critical_paid_fen";--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "supplementary_paid_fen";--> statement-breakpoint
ALTER TABLE "person_categories" DROP COLUMN "certificate_no";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "name";
