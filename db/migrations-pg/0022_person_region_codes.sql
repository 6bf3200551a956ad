-- Online submissions stored hukou_region / insured_region as 'local'; every other writer stores the region code.
-- A person's 'local' becomes the region of their first submitted application ('other' and region codes stay).
UPDATE persons SET insured_region = (SELECT a.region FROM applications a WHERE a.person_id = persons.id AND a.status <> 'draft' ORDER BY a.submitted_at LIMIT 1)
WHERE insured_region = 'local' AND EXISTS (SELECT 1 FROM applications a WHERE a.person_id = persons.id AND a.status <> 'draft');
--> statement-breakpoint
UPDATE persons SET hukou_region = (SELECT a.region FROM applications a WHERE a.person_id = persons.id AND a.status <> 'draft' ORDER BY a.submitted_at LIMIT 1)
WHERE hukou_region = 'local' AND EXISTS (SELECT 1 FROM applications a WHERE a.person_id = persons.id AND a.status <> 'draft');
