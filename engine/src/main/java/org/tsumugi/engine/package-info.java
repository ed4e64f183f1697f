/**
 * Tsumugi's embedded BPMN engine. Commands enter one queue and are applied by a single writer, each
 * batch in one database transaction; the REST API under /v2 speaks the Camunda 8 shapes so that the
 * official Camunda Java client works against it unchanged.
 */
package org.tsumugi.engine;
