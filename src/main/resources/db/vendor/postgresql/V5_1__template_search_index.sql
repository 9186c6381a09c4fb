-- PostgreSQL only, the counterpart of H2's V5_1. The library's search looks for a piece of text
-- anywhere in search_text and tag_text (V5) with LIKE '%...%', which no B-tree serves; trigram
-- indexes (pg_trgm, shipped with PostgreSQL and trusted, so a database owner may create it) do,
-- once the text searched for has three characters or more.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_template_search_text ON template USING GIN (search_text gin_trgm_ops);
CREATE INDEX ix_template_tag_text ON template USING GIN (tag_text gin_trgm_ops);
