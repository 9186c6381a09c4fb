-- Each revision keeps the description it was saved with, so that a revision that changes only the
-- description shows that change in its diff. The revisions saved before kept none; they take their
-- template's current description, so that comparing two of them shows no change nobody made.
ALTER TABLE template_revision ADD COLUMN description VARCHAR(2000);
UPDATE template_revision SET description =
    (SELECT t.description FROM template t WHERE t.id = template_revision.template_id);
