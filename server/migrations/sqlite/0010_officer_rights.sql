-- An offender manager at the desk keeps their own nominals; the DS may give one the right to
-- keep the whole unit's cohort (a supervisor keeps it by their role, whatever this says).
ALTER TABLE officers ADD COLUMN keeps_cohort BOOLEAN NOT NULL DEFAULT FALSE;
