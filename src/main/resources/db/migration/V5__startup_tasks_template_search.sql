-- One-time start-up work done on this database, such as seeding the starter catalog. The name is
-- the key, so that of two instances starting together on one database only one does the work.
CREATE TABLE startup_task (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL
);
