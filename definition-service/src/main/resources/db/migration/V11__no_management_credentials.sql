-- Management credentials are no longer verified here: the gateway issues API tokens and passes every call on with a
-- service token it signs. The one lookup across workspaces by hash goes, and the application role loses the table,
-- so nothing can authenticate with (or add to) the old rows. The table itself stays for the record.
DROP FUNCTION IF EXISTS uip_credential_by_hash(TEXT);
DROP POLICY IF EXISTS system_authentication ON api_credential;
REVOKE ALL ON api_credential FROM uip_system;
REVOKE ALL ON api_credential FROM ${appRole};
