-- What the library lists for each template without reading its manifest: the output kind and
-- the Pod Security level of the current revision. Existing rows are filled in by the application
-- on their next save; until then they show as unknown.
ALTER TABLE template ADD COLUMN kind VARCHAR(32);
ALTER TABLE template ADD COLUMN pod_security_level VARCHAR(16);
