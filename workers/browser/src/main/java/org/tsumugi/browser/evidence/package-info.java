/**
 * Evidence of what a robot did: screenshots and step logs. They go through {@link
 * org.tsumugi.browser.evidence.EvidenceStore}, a port the server wires to the document store; the
 * file-system store serves tests and a browser-only worker.
 */
package org.tsumugi.browser.evidence;
