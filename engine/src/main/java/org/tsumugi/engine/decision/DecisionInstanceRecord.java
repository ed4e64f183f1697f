package org.tsumugi.engine.decision;

/**
 * One evaluated decision of one evaluation, as stored for a clerk to see why a rule fired. Inputs,
 * matched rules and result are JSON in the REST API's shapes. These hold variable values (patient data).
 *
 * @param id the evaluation key and the decision's position in the evaluation ("123-1")
 * @param processInstanceKey 0 when evaluated through the API rather than by a business rule task
 */
public record DecisionInstanceRecord(String id, long evaluationKey, DecisionDefinition decision, boolean failed,
    long evaluationDate, String failure, long processDefinitionKey, long processInstanceKey, long elementInstanceKey,
    String elementId, String inputsJson, String matchedRulesJson, String resultJson) {}
