CREATE TYPE "public"."payment_event_source" AS ENUM('bank_webhook', 'statement_import', 'vnpay_ipn', 'vnpay_return');--> statement-breakpoint
CREATE TYPE "public"."payment_intent_method" AS ENUM('cod', 'vietqr', 'vnpay');--> statement-breakpoint
CREATE TYPE "public"."payment_intent_status" AS ENUM('pending', 'partially_paid', 'paid', 'cancelled', 'collected');--> statement-breakpoint
CREATE TYPE "public"."payment_receipt_channel" AS ENUM('vietqr', 'vnpay');--> statement-breakpoint
CREATE TYPE "public"."reconciliation_action" AS ENUM('allocate', 'refund');--> statement-breakpoint
CREATE TYPE "public"."reconciliation_kind" AS ENUM('partial', 'excess', 'unmatched', 'closed');--> statement-breakpoint
CREATE TYPE "public"."bank_transfer_outcome" AS ENUM('matched', 'partial', 'excess', 'unmatched', 'closed');--> statement-breakpoint
CREATE TYPE "public"."bank_transfer_source" AS ENUM('webhook', 'statement');--> statement-breakpoint
CREATE TABLE "bank_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" "bank_transfer_source" NOT NULL,
	"reference" text NOT NULL,
	"provider_txn_id" text,
	"account_no" text NOT NULL,
	"amount" bigint NOT NULL,
	"content" text NOT NULL,
	"transferred_at" timestamp with time zone NOT NULL,
	"order_code" text,
	"intent_id" uuid,
	"outcome" "bank_transfer_outcome" NOT NULL,
	"event_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_transfers_amount_check" CHECK ("bank_transfers"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" "payment_event_source" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw_body" text NOT NULL,
	"headers" jsonb NOT NULL,
	"verified" boolean NOT NULL,
	"verification" text NOT NULL,
	"provider_ref" text,
	"outcome" text,
	"intent_id" uuid
);
--> statement-breakpoint
CREATE TABLE "payment_intent_transitions" (
	"intent_id" uuid NOT NULL,
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_status" "payment_intent_status",
	"to_status" "payment_intent_status" NOT NULL,
	"actor_id" uuid NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_code" text NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"method" "payment_intent_method" NOT NULL,
	"amount_due" bigint NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"status" "payment_intent_status" DEFAULT 'pending' NOT NULL,
	"pay_by" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_intents_amounts_check" CHECK ("payment_intents"."amount_due" > 0 AND "payment_intents"."amount_paid" BETWEEN 0 AND "payment_intents"."amount_due")
);
--> statement-breakpoint
CREATE TABLE "payment_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"intent_id" uuid NOT NULL,
	"channel" "payment_receipt_channel" NOT NULL,
	"reference" text NOT NULL,
	"amount" bigint NOT NULL,
	"allocated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_receipts_amount_check" CHECK ("payment_receipts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "reconciliation_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"action" "reconciliation_action" NOT NULL,
	"amount" bigint NOT NULL,
	"order_id" uuid,
	"actor_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciliation_actions_amount_check" CHECK ("reconciliation_actions"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "reconciliation_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" "payment_receipt_channel" NOT NULL,
	"reference" text NOT NULL,
	"kind" "reconciliation_kind" NOT NULL,
	"amount" bigint NOT NULL,
	"allocated" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"content" text NOT NULL,
	"order_code" text,
	"transfer_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "reconciliation_items_amounts_check" CHECK ("reconciliation_items"."amount" > 0 AND "reconciliation_items"."allocated" >= 0 AND "reconciliation_items"."refunded" >= 0 AND "reconciliation_items"."allocated" + "reconciliation_items"."refunded" <= "reconciliation_items"."amount")
);
--> statement-breakpoint
CREATE TABLE "statement_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"imported_by" uuid NOT NULL,
	"rows" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_intent_transitions" ADD CONSTRAINT "payment_intent_transitions_intent_id_payment_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."payment_intents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_receipts" ADD CONSTRAINT "payment_receipts_intent_id_payment_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."payment_intents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_actions" ADD CONSTRAINT "reconciliation_actions_item_id_reconciliation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."reconciliation_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_transfers_reference_idx" ON "bank_transfers" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_transfers_provider_txn_idx" ON "bank_transfers" USING btree ("provider_txn_id");--> statement-breakpoint
CREATE INDEX "bank_transfers_intent_idx" ON "bank_transfers" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "payment_events_received_idx" ON "payment_events" USING btree ("source","received_at");--> statement-breakpoint
CREATE INDEX "payment_events_ref_idx" ON "payment_events" USING btree ("provider_ref");--> statement-breakpoint
CREATE INDEX "payment_intent_transitions_intent_idx" ON "payment_intent_transitions" USING btree ("intent_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_order_idx" ON "payment_intents" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_code_idx" ON "payment_intents" USING btree ("order_code");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_receipts_reference_idx" ON "payment_receipts" USING btree ("intent_id","reference");--> statement-breakpoint
CREATE INDEX "payment_receipts_intent_idx" ON "payment_receipts" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "reconciliation_actions_item_idx" ON "reconciliation_actions" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_items_reference_idx" ON "reconciliation_items" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "reconciliation_items_open_idx" ON "reconciliation_items" USING btree ("created_at") WHERE resolved_at IS NULL;