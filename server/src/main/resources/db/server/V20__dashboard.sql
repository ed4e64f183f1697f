-- Minutes of staff time one run of a task by a robot saves, set by the process owner per element.
CREATE TABLE staff_minutes (
  bpmn_process_id VARCHAR(255) NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  minutes INT NOT NULL,
  updated_by VARCHAR(255) NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT pk_staff_minutes PRIMARY KEY (bpmn_process_id, element_id)
);
