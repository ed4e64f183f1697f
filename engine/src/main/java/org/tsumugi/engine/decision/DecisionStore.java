package org.tsumugi.engine.decision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes deployed decisions and decision instances within the state store's transaction, and reads the
 * deployed graphs back (parsed again) at start-up. Decision instances have their own table, apart from
 * the generic history: they hold values.
 */
public final class DecisionStore {
  private final JdbcTemplate jdbc;
  private final Dmn dmn = new Dmn(System::currentTimeMillis);

  public DecisionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Called inside the batch's transaction. */
  public void write(DecisionState state) {
    List<Object[]> drgs = new ArrayList<>();
    for (DecisionRequirements d : state.newDrgs) {
      drgs.add(new Object[] {d.key(), d.drgId(), d.name(), d.version(), d.resourceName(), d.checksum(),
          d.deploymentKey(), System.currentTimeMillis(), new String(d.resource(), StandardCharsets.UTF_8)});
    }
    batch("INSERT INTO decision_requirements (drg_key, drg_id, name, version, resource_name, checksum, deployment_key,"
        + " deploy_time, resource) VALUES (?,?,?,?,?,?,?,?,?)", drgs);
    List<Object[]> decisions = new ArrayList<>();
    for (DecisionDefinition d : state.newDecisions) {
      decisions.add(new Object[] {d.key(), d.decisionId(), d.name(), d.version(), d.type(), d.drgKey(), d.drgId(),
          d.deploymentKey(), d.versionTag()});
    }
    batch("INSERT INTO decision_definition (decision_key, decision_id, name, version, decision_type, drg_key, drg_id,"
        + " deployment_key, version_tag) VALUES (?,?,?,?,?,?,?,?,?)", decisions);
    List<Object[]> instances = new ArrayList<>();
    for (DecisionInstanceRecord i : state.newInstances) {
      DecisionDefinition d = i.decision();
      instances.add(new Object[] {i.id(), i.evaluationKey(), d.key(), d.decisionId(), d.name(), d.version(), d.type(),
          d.drgKey(), i.failed() ? "FAILED" : "EVALUATED", i.evaluationDate(), i.failure(),
          nullIfZero(i.processDefinitionKey()), nullIfZero(i.processInstanceKey()), nullIfZero(i.elementInstanceKey()),
          i.elementId(), i.inputsJson(), i.matchedRulesJson(), i.resultJson()});
    }
    batch("INSERT INTO decision_instance (instance_id, evaluation_key, decision_key, decision_id, decision_name,"
        + " decision_version, decision_type, drg_key, state, evaluation_date, evaluation_failure, process_definition_key,"
        + " process_instance_key, element_instance_key, element_id, evaluated_inputs, matched_rules, result)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", instances);
  }

  /** Call once the transaction committed. */
  public void flushed(DecisionState state) {
    state.flushed();
  }

  public void load(DecisionState state) {
    state.clear();
    Map<Long, DecisionRequirements> drgs = new HashMap<>();
    jdbc.query("SELECT drg_key, drg_id, name, version, resource_name, checksum, deployment_key, resource"
        + " FROM decision_requirements ORDER BY drg_key", rs -> {
          byte[] resource = rs.getString(8).getBytes(StandardCharsets.UTF_8);
          DecisionRequirements drg = new DecisionRequirements(rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getInt(4), rs.getString(5), rs.getString(6), rs.getLong(7), resource,
              dmn.parse(rs.getString(5), resource));
          drgs.put(drg.key(), drg);
          state.putDrg(drg);
        });
    jdbc.query("SELECT decision_key, decision_id, name, version, decision_type, drg_key, drg_id, deployment_key,"
        + " version_tag FROM decision_definition ORDER BY decision_key", rs -> {
          state.putDecision(new DecisionDefinition(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
              rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9)));
        });
  }

  private void batch(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
    }
  }

  private static Object nullIfZero(long value) {
    return value == 0 ? null : value;
  }
}
