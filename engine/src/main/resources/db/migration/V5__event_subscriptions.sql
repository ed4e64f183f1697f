-- Catch events waiting for a timer, message or signal (issue 3). Owner and process instance are null for the
-- start events of a process version.
CREATE TABLE event_subscription (
  subscription_key BIGINT PRIMARY KEY,
  event_trigger VARCHAR(16) NOT NULL,
  state VARCHAR(16) NOT NULL,
  definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  process_instance_key BIGINT,
  owner_key BIGINT,
  catch_element_id VARCHAR(255) NOT NULL,
  interrupting BOOLEAN NOT NULL,
  creation_time BIGINT NOT NULL,
  due_date BIGINT,
  repetitions INT NOT NULL,
  timer_type VARCHAR(16),
  timer_value VARCHAR(1024),
  event_name VARCHAR(1024),
  correlation_key VARCHAR(1024)
);
CREATE INDEX ix_event_subscription_state ON event_subscription (state);
CREATE INDEX ix_event_subscription_process_instance ON event_subscription (process_instance_key);
