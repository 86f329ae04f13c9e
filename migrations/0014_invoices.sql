CREATE TYPE "public"."invoice_kind" AS ENUM('original', 'adjustment', 'replacement');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('issued', 'replaced');--> statement-breakpoint
CREATE TYPE "public"."invoice_submission" AS ENUM('pending', 'issued_locally', 'submitted', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "invoice_certificates" (
	"fingerprint" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_returns" (
	"return_key" text PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"adjustment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_series" (
	"seller_id" uuid NOT NULL,
	"form" text NOT NULL,
	"symbol" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_series_seller_id_form_symbol_pk" PRIMARY KEY("seller_id","form","symbol"),
	CONSTRAINT "invoice_series_number_check" CHECK ("invoice_series"."last_number" BETWEEN 0 AND 99999999)
);
--> statement-breakpoint
CREATE TABLE "invoice_transitions" (
	"invoice_id" uuid NOT NULL,
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_status" "invoice_status",
	"to_status" "invoice_status" NOT NULL,
	"actor_id" uuid NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"order_code" text NOT NULL,
	"buyer_id" uuid NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"related_id" uuid,
	"status" "invoice_status" DEFAULT 'issued' NOT NULL,
	"form" text NOT NULL,
	"symbol" text NOT NULL,
	"number" integer NOT NULL,
	"issued_on" date NOT NULL,
	"lookup_code" text NOT NULL,
	"total" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"document" jsonb NOT NULL,
	"xml" text NOT NULL,
	"cert_fingerprint" text NOT NULL,
	"provider" text NOT NULL,
	"submission" "invoice_submission" DEFAULT 'pending' NOT NULL,
	"tax_authority_code" text,
	"provider_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_number_check" CHECK ("invoices"."number" BETWEEN 1 AND 99999999)
);
--> statement-breakpoint
ALTER TABLE "invoice_returns" ADD CONSTRAINT "invoice_returns_adjustment_id_invoices_id_fk" FOREIGN KEY ("adjustment_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_transitions" ADD CONSTRAINT "invoice_transitions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_related_id_invoices_id_fk" FOREIGN KEY ("related_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_cert_fingerprint_invoice_certificates_fingerprint_fk" FOREIGN KEY ("cert_fingerprint") REFERENCES "public"."invoice_certificates"("fingerprint") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_returns_order_idx" ON "invoice_returns" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "invoice_transitions_invoice_idx" ON "invoice_transitions" USING btree ("invoice_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_idx" ON "invoices" USING btree ("seller_id","form","symbol","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_lookup_idx" ON "invoices" USING btree ("lookup_code");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_original_idx" ON "invoices" USING btree ("order_id") WHERE kind = 'original';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_replacement_idx" ON "invoices" USING btree ("related_id") WHERE kind = 'replacement';--> statement-breakpoint
CREATE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "invoices_seller_idx" ON "invoices" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "invoices_buyer_idx" ON "invoices" USING btree ("buyer_id","created_at");--> statement-breakpoint
CREATE INDEX "invoices_pending_idx" ON "invoices" USING btree ("created_at") WHERE submission = 'pending';