-- The first schema version. Tables arrive with the features that store data
-- (templates, users, clusters, deployments), each in a migration of its own.
SELECT 1;
