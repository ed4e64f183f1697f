/**
 * Browser robots: process owners describe a screen task as a YAML scenario, and the worker plays it
 * on pooled headless Chromium. Sub-packages: {@code scenario} (the file format and its validation),
 * {@code pool} (Chromium sessions), {@code vault} (encrypted credentials), {@code run} (playing a
 * scenario), {@code evidence} (screenshots and step logs), {@code job} (the Camunda adapter).
 */
package org.tsumugi.browser;
