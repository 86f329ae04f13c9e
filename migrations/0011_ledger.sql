CREATE TYPE "public"."ledger_account_code" AS ENUM('cash:vietqr', 'cash:vnpay', 'suspense', 'escrow', 'seller_payable', 'seller_receivable', 'platform_fee', 'tax_vat_payable', 'tax_pit_payable', 'refund_payable', 'payout_clearing');--> statement-breakpoint
CREATE TYPE "public"."ledger_entry_kind" AS ENUM('payment', 'suspense_receipt', 'suspense_allocation', 'suspense_refund', 'escrow_refund', 'refund_paid', 'release', 'cod_fee', 'release_reversal', 'payout', 'payout_paid', 'payout_cancelled', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."ledger_normal_side" AS ENUM('debit', 'credit');--> statement-breakpoint
CREATE TYPE "public"."ledger_payout_status" AS ENUM('created', 'paid', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."ledger_supply_kind" AS ENUM('goods', 'services', 'transport', 'unknown');--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" "ledger_account_code" NOT NULL,
	"subject_id" uuid NOT NULL,
	"normal" "ledger_normal_side" NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_not_negative" CHECK ("ledger_accounts"."balance" >= 0 OR "ledger_accounts"."code"::text LIKE 'cash:%')
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "ledger_entry_kind" NOT NULL,
	"reference" text NOT NULL,
	"order_id" uuid,
	"seller_id" uuid,
	"memo" text DEFAULT '' NOT NULL,
	"reverses_entry_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "ledger_postings_amount_check" CHECK ("ledger_postings"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_tax_rates" (
	"id" serial PRIMARY KEY NOT NULL,
	"supply_kind" "ledger_supply_kind" NOT NULL,
	"vat_bp" integer NOT NULL,
	"pit_bp" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source" text NOT NULL,
	CONSTRAINT "ledger_tax_rates_bp_check" CHECK ("ledger_tax_rates"."vat_bp" BETWEEN 0 AND 10000 AND "ledger_tax_rates"."pit_bp" BETWEEN 0 AND 10000),
	CONSTRAINT "ledger_tax_rates_dates_check" CHECK ("ledger_tax_rates"."effective_to" IS NULL OR "ledger_tax_rates"."effective_to" >= "ledger_tax_rates"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "ledger_withholdings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"supply_kind" "ledger_supply_kind" NOT NULL,
	"revenue" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"pit" bigint NOT NULL,
	"vat_bp" integer NOT NULL,
	"pit_bp" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_payout_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" serial NOT NULL,
	"status" "ledger_payout_status" DEFAULT 'created' NOT NULL,
	"total" bigint NOT NULL,
	"seller_count" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_payout_items" (
	"batch_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"bank_bin" text NOT NULL,
	"bank_account_no" text NOT NULL,
	"bank_account_name" text NOT NULL,
	"memo" text NOT NULL,
	CONSTRAINT "ledger_payout_items_amount_check" CHECK ("ledger_payout_items"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_payout_transitions" (
	"batch_id" uuid NOT NULL,
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_status" "ledger_payout_status",
	"to_status" "ledger_payout_status" NOT NULL,
	"actor_id" uuid NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_reverses_entry_id_ledger_entries_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_withholdings" ADD CONSTRAINT "ledger_withholdings_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_payout_items" ADD CONSTRAINT "ledger_payout_items_batch_id_ledger_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ledger_payout_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_payout_transitions" ADD CONSTRAINT "ledger_payout_transitions_batch_id_ledger_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ledger_payout_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_code_subject_idx" ON "ledger_accounts" USING btree ("code","subject_id");--> statement-breakpoint
CREATE INDEX "ledger_accounts_subject_idx" ON "ledger_accounts" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_kind_reference_idx" ON "ledger_entries" USING btree ("kind","reference");--> statement-breakpoint
CREATE INDEX "ledger_entries_order_idx" ON "ledger_entries" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_seller_idx" ON "ledger_entries" USING btree ("seller_id","at");--> statement-breakpoint
CREATE INDEX "ledger_postings_entry_idx" ON "ledger_postings" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_account_idx" ON "ledger_postings" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "ledger_tax_rates_kind_idx" ON "ledger_tax_rates" USING btree ("supply_kind","effective_from");--> statement-breakpoint
CREATE INDEX "ledger_withholdings_at_idx" ON "ledger_withholdings" USING btree ("at");--> statement-breakpoint
CREATE INDEX "ledger_withholdings_seller_idx" ON "ledger_withholdings" USING btree ("seller_id","at");--> statement-breakpoint
CREATE INDEX "ledger_withholdings_order_idx" ON "ledger_withholdings" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payout_batches_number_idx" ON "ledger_payout_batches" USING btree ("number");--> statement-breakpoint
CREATE INDEX "ledger_payout_batches_created_idx" ON "ledger_payout_batches" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payout_items_batch_seller_idx" ON "ledger_payout_items" USING btree ("batch_id","seller_id");--> statement-breakpoint
CREATE INDEX "ledger_payout_items_seller_idx" ON "ledger_payout_items" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "ledger_payout_transitions_batch_idx" ON "ledger_payout_transitions" USING btree ("batch_id","at");