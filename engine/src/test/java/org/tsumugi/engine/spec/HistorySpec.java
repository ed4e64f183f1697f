package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.engine.EngineTest;

/** Every state change leaves a history record: the audit trail, without variable values. */
class HistorySpec extends EngineTest {

  @Autowired JdbcTemplate jdbc;

  private List<String> history(long processInstanceKey) {
    return jdbc.queryForList("SELECT value_type || ':' || intent || ':' || COALESCE(element_id, '') FROM history"
        + " WHERE process_instance_key = ? ORDER BY position", String.class, processInstanceKey);
  }

  @Test
  void theLifeCycleOfAnInstanceIsRecordedInOrder() {
    String id = uniqueId("audit");
    deploy(Bpmn.createExecutableProcess(id).startEvent("start").serviceTask("task", t -> t.zeebeJobType(id))
        .endEvent("end").done());
    long key = start(id, Map.of("patientName", "田中 花子")).getProcessInstanceKey();
    var job = activateOne(id);
    client.newFailCommand(job.getKey()).retries(0).errorMessage("timeout").send().join();
    var incident = incidents(key).get(0);
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCompleteCommand(activateOne(id).getKey()).send().join();

    assertThat(history(key)).containsSubsequence(
        "VARIABLE:CREATED:",
        "PROCESS_INSTANCE:ELEMENT_ACTIVATED:" + id,
        "PROCESS_INSTANCE:ELEMENT_COMPLETED:start",
        "PROCESS_INSTANCE:ELEMENT_ACTIVATED:task",
        "JOB:CREATED:task",
        "JOB:ACTIVATED:task",
        "JOB:FAILED:task",
        "INCIDENT:CREATED:task",
        "JOB:RETRIES_UPDATED:task",
        "INCIDENT:RESOLVED:task",
        "JOB:ACTIVATED:task",
        "JOB:COMPLETED:task",
        "PROCESS_INSTANCE:ELEMENT_COMPLETED:task",
        "PROCESS_INSTANCE:ELEMENT_COMPLETED:end",
        "PROCESS_INSTANCE:ELEMENT_COMPLETED:" + id);
  }

  @Test
  void historyNamesVariablesButNeverCopiesTheirValues() {
    String id = uniqueId("private");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    long key = start(id, Map.of("patientName", "田中 花子")).getProcessInstanceKey();

    List<String> payloads = jdbc.queryForList("SELECT payload FROM history WHERE process_instance_key = ?"
        + " AND value_type = 'VARIABLE'", String.class, key);

    assertThat(payloads).singleElement().satisfies(payload -> {
      assertThat(payload).contains("patientName");
      assertThat(payload).doesNotContain("田中");
    });
  }
}
