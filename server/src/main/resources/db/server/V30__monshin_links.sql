-- Links patients open to answer the web 問診 without a login. Only the token's SHA-256 is kept, so a
-- copy of the database opens no questionnaire. VISIT links carry the reception id and work once; CLINIC
-- links are reusable and each submission gets a fresh reception id.
CREATE TABLE monshin_link (
  id BIGINT NOT NULL,
  token_hash VARCHAR(64) NOT NULL,
  kind VARCHAR(8) NOT NULL,
  reception_id VARCHAR(64),
  label VARCHAR(100),
  created_by VARCHAR(255) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  revoked_at BIGINT,
  revoked_by VARCHAR(255),
  submissions INT DEFAULT 0 NOT NULL,
  CONSTRAINT pk_monshin_link PRIMARY KEY (id),
  CONSTRAINT uq_monshin_link_token UNIQUE (token_hash)
);
CREATE INDEX ix_monshin_link_created ON monshin_link (created_at);
