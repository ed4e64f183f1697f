package org.tsumugi.engine.model;

/** The BPMN element kinds the engine runs; names match the REST API's element instance types. */
public enum ElementKind {
  PROCESS,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  START_EVENT,
  END_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  SERVICE_TASK,
  SEND_TASK,
  SCRIPT_TASK,
  BUSINESS_RULE_TASK,
  TASK,
  MANUAL_TASK,
  RECEIVE_TASK,
  USER_TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  EVENT_BASED_GATEWAY,
  INCLUSIVE_GATEWAY,
  CALL_ACTIVITY,
  MULTI_INSTANCE_BODY,
  SEQUENCE_FLOW;

  public boolean isContainer() {
    return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS;
  }
}
