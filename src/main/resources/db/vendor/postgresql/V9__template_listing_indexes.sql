-- PostgreSQL only, the counterpart of H2's V5_1 and V9 for the library's deep pages. With
-- 100,000 templates, page 4,000 newest first sorted the whole table (a sequential scan and a
-- sort on disk, 240 ms): ix_template_updated_at holds no id, the listing's second sort key. Page
-- 2,500 by name read 50,000 rows for their ids. Both now walk an index alone (an index-only scan).
CREATE INDEX ix_template_updated ON template (updated_at DESC, id DESC);
-- its first column serves whatever the old index served
DROP INDEX ix_template_updated_at;
CREATE INDEX ix_template_name_id ON template (name, id);
