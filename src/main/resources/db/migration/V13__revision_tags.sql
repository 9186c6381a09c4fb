-- Each revision keeps the tags it was saved with, so that a revision that changes only the tags
-- shows that change in its diff, and the history says what the tags were. As on the template
-- (tag_text, V5): each tag between two line breaks, A to Z. The revisions saved before kept none;
-- they take their template's current tags, so that comparing two of them shows no change nobody made.
ALTER TABLE template_revision ADD COLUMN tag_text VARCHAR(1048576);
UPDATE template_revision SET tag_text =
    (SELECT t.tag_text FROM template t WHERE t.id = template_revision.template_id);
ALTER TABLE template_revision ALTER COLUMN tag_text SET NOT NULL;
