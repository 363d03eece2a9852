-- The reason the DPO gave for restricting a household (the request's reference), so the printable export can tell
-- the person why and since when. Erasing the household deletes its row, reason and all. postgresql/V19 is the same.
ALTER TABLE household_restrictions ADD COLUMN reason TEXT NOT NULL DEFAULT '';
