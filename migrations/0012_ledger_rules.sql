-- The ledger is append-only: entries, postings and withholdings may be inserted, never changed
-- or removed (a correction is a reversing entry). Accounts keep a running balance, so they are
-- updated, but never removed.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_withholdings_append_only BEFORE UPDATE OR DELETE ON ledger_withholdings
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_withholdings_no_truncate BEFORE TRUNCATE ON ledger_withholdings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_delete BEFORE DELETE ON ledger_accounts
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
-- Every entry balances: checked at commit, once all of its postings are in.
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
BEGIN
  SELECT sum(amount) INTO total FROM ledger_postings WHERE entry_id = NEW.entry_id;
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger entry % does not balance (sum %)', NEW.entry_id, total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();
--> statement-breakpoint
-- Withholding by platforms with a payment function for household businesses and individuals
-- (Decree 117/2025/ND-CP, in force from 1 July 2025): VAT and PIT as a percentage of revenue
-- by kind of supply; an unknown kind takes the highest rates.
INSERT INTO ledger_tax_rates (supply_kind, vat_bp, pit_bp, effective_from, effective_to, source) VALUES
  ('goods', 100, 50, '2025-07-01', NULL, 'Nghị định 117/2025/NĐ-CP: phân phối, cung cấp hàng hóa'),
  ('services', 500, 200, '2025-07-01', NULL, 'Nghị định 117/2025/NĐ-CP: dịch vụ'),
  ('transport', 300, 150, '2025-07-01', NULL, 'Nghị định 117/2025/NĐ-CP: vận tải, dịch vụ gắn với hàng hóa'),
  ('unknown', 500, 200, '2025-07-01', NULL, 'Nghị định 117/2025/NĐ-CP: không xác định được ngành nghề, áp dụng tỷ lệ cao nhất');
