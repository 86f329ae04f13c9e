CREATE TABLE "search_synonyms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"term_folded" text NOT NULL,
	"synonyms" text[] NOT NULL,
	"phrases_folded" text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"display" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "name_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_documents"."name_folded")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "body_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_documents"."body_folded")) STORED NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "search_synonyms_term_idx" ON "search_synonyms" USING btree ("term_folded");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gist ("term" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_province_idx" ON "search_documents" USING btree ("origin_province_code","origin_commune_code");--> statement-breakpoint
CREATE INDEX "search_documents_commune_idx" ON "search_documents" USING btree ("origin_commune_code");--> statement-breakpoint
CREATE INDEX "search_documents_stars_idx" ON "search_documents" USING btree ("ocop_stars","ocop_expires_on");--> statement-breakpoint
CREATE INDEX "search_documents_price_idx" ON "search_documents" USING btree ("price_min","product_id");--> statement-breakpoint
CREATE INDEX "search_documents_newest_idx" ON "search_documents" USING btree ("published_at","product_id");--> statement-breakpoint
CREATE INDEX "search_documents_sales_idx" ON "search_documents" USING btree ("sales_count","product_id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("body_tsv");--> statement-breakpoint
CREATE INDEX "search_documents_name_tsv_idx" ON "search_documents" USING gin ("name_tsv");--> statement-breakpoint
CREATE INDEX "search_documents_name_trgm_idx" ON "search_documents" USING gin ("name_folded" gin_trgm_ops);