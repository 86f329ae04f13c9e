-- Custom SQL migration file, put your code below! --
-- The body_tsv column was recreated with the sales tier (0006), which dropped its GIN index.
CREATE INDEX IF NOT EXISTS "search_documents_tsv_idx" ON "search_documents" USING gin ("body_tsv");
