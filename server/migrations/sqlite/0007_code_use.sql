-- A one-time code is made for one use, and only that ceremony takes it: enrolling an officer's
-- phone ('phone', POST /api/enrol) or registering a supervisor's passkey at the desk ('passkey',
-- /supervise/register). Codes made before this said nothing of their use: a supervisor's was
-- made for the desk's passkey page (`scpo-server enrol DS-ID`, as the README said), an officer's
-- for a phone (the command line or the desk's Devices page), so each keeps working there.
ALTER TABLE enrolment_codes ADD COLUMN made_for TEXT NOT NULL DEFAULT 'phone'
    CHECK (made_for IN ('phone', 'passkey'));
UPDATE enrolment_codes SET made_for = 'passkey'
    WHERE officer_id IN (SELECT id FROM officers WHERE role = 'supervisor');
