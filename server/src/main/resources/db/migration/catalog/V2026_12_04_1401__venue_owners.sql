-- A venue belongs to the organizer who created it (created_by); others may use it only once an ADMIN
-- marks it shared.
ALTER TABLE venues ADD COLUMN shared BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX venues_owner ON venues (created_by, created_at DESC);
