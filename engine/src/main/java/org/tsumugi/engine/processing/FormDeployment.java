package org.tsumugi.engine.processing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tsumugi.engine.processing.Results.DeployedForm;
import org.tsumugi.engine.processing.Results.ParsedForm;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.FormDefinition;

/** Versions deployed forms as Zeebe versions processes: the same content keeps its version. */
final class FormDeployment {
  private final EngineState state;
  private final History history;

  FormDeployment(EngineState state, History history) {
    this.state = state;
    this.history = history;
  }

  List<DeployedForm> deploy(List<ParsedForm> forms, long deploymentKey) {
    List<DeployedForm> deployed = new ArrayList<>();
    for (ParsedForm parsed : forms) {
      FormDefinition latest = state.userTasks().latestForm(parsed.formId());
      if (latest != null && latest.checksum.equals(parsed.checksum()) && latest.resourceName.equals(parsed.name())) {
        deployed.add(new DeployedForm(latest.key, latest.formId, latest.version, latest.resourceName));
        continue;
      }
      FormDefinition form = new FormDefinition(state.nextKey(), parsed.formId(),
          latest == null ? 1 : latest.version + 1, parsed.name(), parsed.checksum(), deploymentKey,
          new String(parsed.content(), StandardCharsets.UTF_8));
      state.userTasks().addForm(form);
      state.changed(form);
      history.form(form);
      deployed.add(new DeployedForm(form.key, form.formId, form.version, form.resourceName));
    }
    return deployed;
  }
}
