/**
 * The Zeebe gRPC gateway protocol over the embedded engine, for zbctl, Modeler before 5.39 and gRPC
 * clients. Each call becomes the same engine command the REST API ({@code org.tsumugi.engine.api})
 * submits, so both transports behave alike; calls outside the subset answer UNIMPLEMENTED.
 */
package org.tsumugi.gateway;
