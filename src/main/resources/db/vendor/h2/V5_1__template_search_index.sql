-- H2 only. The library's search tests each template's search_text and tag_text (V5): walking this
-- index in the order the library lists by default, H2 finds a page and counts the matches from the
-- index alone, without reading the template rows (about twice as fast with 100,000 templates).
-- Not on PostgreSQL: a B-tree entry there may hold at most 2704 bytes, less than a long
-- description can take, and PostgreSQL's sequential scan serves the search on its own.
CREATE INDEX ix_template_updated_search ON template (updated_at DESC, id DESC, search_text, tag_text);
-- its first column serves whatever the old index served
DROP INDEX ix_template_updated_at;
