/**
 * Executable process models: BPMN in the Camunda 8 dialect read with zeebe-bpmn-model, validated,
 * and turned into a small graph of elements and flows that the engine walks.
 */
package org.tsumugi.engine.model;
