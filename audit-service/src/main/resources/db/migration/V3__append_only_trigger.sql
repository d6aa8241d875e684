-- Append-only for everyone: the grants of V2 keep the application role to SELECT and INSERT, and these triggers refuse
-- UPDATE, DELETE and TRUNCATE to every other role too, the owner included. A superuser can still switch triggers off
-- (ALTER TABLE ... DISABLE TRIGGER, session_replication_role); the hash chain and its published heads detect that.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'audit entries are never changed or removed';
END;
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
