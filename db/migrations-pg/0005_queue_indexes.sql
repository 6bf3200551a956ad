DROP INDEX "applications_region_status_idx";--> statement-breakpoint
CREATE INDEX "applications_region_submitted_idx" ON "applications" USING btree ("region","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_region_category_idx" ON "applications" USING btree ("region","primary_category","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_region_district_idx" ON "applications" USING btree ("region","district","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_assigned_idx" ON "applications" USING btree ("assigned_to_user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_region_status_idx" ON "applications" USING btree ("region","status","submitted_at");