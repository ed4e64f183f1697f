-- Documents kept in the database (tsumugi.document.store.type=database) instead of files under the data
-- directory. The content is split into chunks so that storing and reading stream in bounded memory on
-- H2 and PostgreSQL alike; times are epoch milliseconds like the other server tables.
CREATE TABLE document_store (
  id VARCHAR(36) NOT NULL,
  name VARCHAR(1000) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  size_bytes BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  process_instance_key BIGINT,
  retain_until BIGINT NOT NULL,
  CONSTRAINT pk_document_store PRIMARY KEY (id)
);

CREATE INDEX ix_document_store_retain_until ON document_store (retain_until);

CREATE TABLE document_chunk (
  document_id VARCHAR(36) NOT NULL,
  seq INT NOT NULL,
  data BYTEA NOT NULL,
  CONSTRAINT pk_document_chunk PRIMARY KEY (document_id, seq),
  CONSTRAINT fk_document_chunk_document FOREIGN KEY (document_id) REFERENCES document_store (id) ON DELETE CASCADE
);
