package org.tsumugi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which engine API calls count as reading patient data. */
class EngineReadAuditTest {

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
      "POST, /v2/process-instances/search, SEARCH",
      "POST, /v2/variables/search, SEARCH",
      "POST, /v2/user-tasks/5/variables/search, SEARCH",
      "POST, /v2/jobs/search, SEARCH",
      "GET, /v2/process-instances/42, VIEW",
      "GET, /v2/user-tasks/42/form, VIEW",
      "GET, /v2/documents/abc, VIEW",
      "POST, /v2/process-definitions/search, none",
      "GET, /v2/process-definitions/1/xml, none",
      "GET, /v2/topology, none",
      "POST, /v2/jobs/activation, none",
      "POST, /v2/process-instances, none"})
  void countsReadsOfInstancesVariablesJobsTasksAndDocuments(String method, String path, String action) {
    assertThat(EngineReadAudit.action(method, path)).isEqualTo(action);
  }
}
