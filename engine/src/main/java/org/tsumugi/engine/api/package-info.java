/**
 * The Camunda 8 REST API subset under /v2: thin controllers that turn requests into engine
 * commands or database queries, answering in the official client's JSON shapes.
 */
package org.tsumugi.engine.api;
