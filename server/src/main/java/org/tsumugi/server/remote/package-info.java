/**
 * Remote mode ({@code tsumugi.mode=remote}): the server runs without its embedded engine and talks to
 * a Camunda 8 cluster (Self-Managed or SaaS) through the official client, configured with
 * {@code camunda.client.*}.
 */
package org.tsumugi.server.remote;
