-- One-time start-up work done on this database, such as seeding the starter catalog. The name is
-- the key, so that of two instances starting together on one database only one does the work.
CREATE TABLE startup_task (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the library's search looks in: name, description and tags in lower case, in one column, so
-- that a search reads one column of each template instead of three columns and the tag table.
-- The application keeps it on every save; here it is filled in for the templates saved before.
ALTER TABLE template ADD COLUMN search_text VARCHAR(1048576);
UPDATE template SET search_text = LOWER(name || ' ' || COALESCE(description, '') || ' '
    || COALESCE((SELECT STRING_AGG(g.tag, ' ' ORDER BY g.tag) FROM template_tag g WHERE g.template_id = template.id), ''));
ALTER TABLE template ALTER COLUMN search_text SET NOT NULL;

-- What the tag filter looks in: the tags, each between two line breaks (CHR(10)), which tags may
-- not hold. On the template row, so that a search with a tag tests one row, not the tag table too.
ALTER TABLE template ADD COLUMN tag_text VARCHAR(1048576);
UPDATE template SET tag_text = CHR(10)
    || COALESCE((SELECT STRING_AGG(g.tag, CHR(10) ORDER BY g.tag) FROM template_tag g WHERE g.template_id = template.id), '')
    || CHR(10);
ALTER TABLE template ALTER COLUMN tag_text SET NOT NULL;
