-- API token checks are cached per process (lib/api-tokens/cache.ts). Every change that bears on a token's check
-- (its row, its creator's disabled flag, staff role or name, its tenant's state, slug or name) notifies every process,
-- which empties its cache: a revocation takes effect at once, whichever code path or tool wrote it.
-- (No semicolon inside the body: the migration runner splits statements on it, hence \073.)
CREATE FUNCTION "api_token_auth_changed"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN PERFORM pg_notify(''api_token_auth'', '''')\073 RETURN NULL\073 END';

CREATE TRIGGER "ApiToken_auth_changed"
  AFTER UPDATE OF "revokedAt", "expiresAt", "scope", "role", "secretHash", "prefix", "tenantId", "createdById" OR DELETE
  ON "ApiToken" FOR EACH STATEMENT EXECUTE FUNCTION "api_token_auth_changed"();

CREATE TRIGGER "User_api_token_auth_changed"
  AFTER UPDATE OF "disabled", "staffRole", "email", "name" OR DELETE
  ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "api_token_auth_changed"();

CREATE TRIGGER "Tenant_api_token_auth_changed"
  AFTER UPDATE OF "state", "slug", "name" OR DELETE
  ON "Tenant" FOR EACH STATEMENT EXECUTE FUNCTION "api_token_auth_changed"();
