-- Call activities: a called process instance names the instance and call activity that started it.
ALTER TABLE process_instance ADD COLUMN parent_process_instance_key BIGINT;
ALTER TABLE process_instance ADD COLUMN parent_element_instance_key BIGINT;
CREATE INDEX ix_process_instance_parent ON process_instance (parent_process_instance_key);

-- Multi-instance bodies: how many inner instances were created, completed and terminated, so a
-- sequential loop or a completion condition picks up where it was after a restart.
ALTER TABLE element_instance ADD COLUMN loop_instances INT;
ALTER TABLE element_instance ADD COLUMN loop_completed INT;
ALTER TABLE element_instance ADD COLUMN loop_terminated INT;
