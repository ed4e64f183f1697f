-- DMN decisions: deployed graphs and decisions, and the decision instances that record each evaluation.
-- decision_instance holds evaluated inputs, matched rules and results: variable values (patient data).

CREATE TABLE decision_requirements (
  drg_key BIGINT PRIMARY KEY,
  drg_id VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  version INT NOT NULL,
  resource_name VARCHAR(1024) NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  deployment_key BIGINT NOT NULL,
  deploy_time BIGINT NOT NULL,
  resource TEXT NOT NULL,
  CONSTRAINT uq_decision_requirements_version UNIQUE (drg_id, version)
);

CREATE TABLE decision_definition (
  decision_key BIGINT PRIMARY KEY,
  decision_id VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  version INT NOT NULL,
  decision_type VARCHAR(32) NOT NULL,
  drg_key BIGINT NOT NULL,
  drg_id VARCHAR(255) NOT NULL,
  deployment_key BIGINT NOT NULL,
  version_tag VARCHAR(255),
  CONSTRAINT uq_decision_definition_version UNIQUE (decision_id, version)
);

CREATE TABLE decision_instance (
  instance_id VARCHAR(64) PRIMARY KEY,
  evaluation_key BIGINT NOT NULL,
  decision_key BIGINT NOT NULL,
  decision_id VARCHAR(255) NOT NULL,
  decision_name VARCHAR(255),
  decision_version INT NOT NULL,
  decision_type VARCHAR(32) NOT NULL,
  drg_key BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  evaluation_date BIGINT NOT NULL,
  evaluation_failure VARCHAR(4000),
  process_definition_key BIGINT,
  process_instance_key BIGINT,
  element_instance_key BIGINT,
  element_id VARCHAR(255),
  evaluated_inputs TEXT,
  matched_rules TEXT,
  result TEXT
);
CREATE INDEX ix_decision_instance_evaluation ON decision_instance (evaluation_key);
CREATE INDEX ix_decision_instance_process_instance ON decision_instance (process_instance_key);
