-- Camunda user tasks and deployed forms. Portable SQL: runs on H2 and PostgreSQL.
-- Times are epoch milliseconds; JSON documents are text.

CREATE TABLE form_definition (
  form_key BIGINT PRIMARY KEY,
  form_id VARCHAR(255) NOT NULL,
  version INT NOT NULL,
  resource_name VARCHAR(1024) NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  deployment_key BIGINT NOT NULL,
  deploy_time BIGINT NOT NULL,
  form_schema TEXT NOT NULL,
  CONSTRAINT uq_form_definition_version UNIQUE (form_id, version)
);

CREATE TABLE user_task (
  user_task_key BIGINT PRIMARY KEY,
  element_instance_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  version INT NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  state VARCHAR(16) NOT NULL,
  assignee VARCHAR(255),
  candidate_groups TEXT NOT NULL,
  candidate_users TEXT NOT NULL,
  due_date BIGINT,
  follow_up_date BIGINT,
  priority INT NOT NULL,
  form_key BIGINT,
  external_form_reference VARCHAR(4000),
  custom_headers TEXT NOT NULL,
  creation_date BIGINT NOT NULL,
  completion_date BIGINT
);
CREATE INDEX ix_user_task_process_instance ON user_task (process_instance_key);
CREATE INDEX ix_user_task_state_assignee ON user_task (state, assignee);

-- one row per candidate group or user, for searches by candidate
CREATE TABLE user_task_candidate (
  user_task_key BIGINT NOT NULL,
  kind VARCHAR(8) NOT NULL,
  name VARCHAR(255) NOT NULL,
  CONSTRAINT pk_user_task_candidate PRIMARY KEY (user_task_key, kind, name)
);
CREATE INDEX ix_user_task_candidate_name ON user_task_candidate (kind, name);
