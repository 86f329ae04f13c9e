DROP INDEX "reconciliation_items_reference_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_items_reference_idx" ON "reconciliation_items" USING btree ("channel","reference");