-- The supervisor reads the audit log filtered by person, nominal or date, newest first: each
-- filter has an index, so no page reads the whole log.
CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_by_nominal ON audit_log (nominal_id, seq);
CREATE INDEX audit_log_by_at ON audit_log (at);
