-- Published messages with a time to live wait here until they expire (issue 3). correlated_processes lists, as a
-- JSON array, the BPMN process ids that already received the message: each receives it at most once.
CREATE TABLE message (
  message_key BIGINT PRIMARY KEY,
  name VARCHAR(1024) NOT NULL,
  correlation_key VARCHAR(1024) NOT NULL,
  message_id VARCHAR(1024),
  variables TEXT,
  publish_time BIGINT NOT NULL,
  deadline BIGINT NOT NULL,
  correlated_processes TEXT NOT NULL
);
CREATE INDEX ix_message_deadline ON message (deadline);

-- The correlation key a message start event began an instance with; while that instance is active, the same key
-- starts no other instance of the process.
CREATE TABLE message_start_lock (
  process_instance_key BIGINT PRIMARY KEY,
  bpmn_process_id VARCHAR(255) NOT NULL,
  correlation_key VARCHAR(1024) NOT NULL
);
