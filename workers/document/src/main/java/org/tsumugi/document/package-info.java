/**
 * Document robots: a store for the files that processes handle, and the capabilities that read
 * them (PDF text and form fields, Japanese OCR, field extraction) and write them (PDF rendering).
 *
 * <p>Each capability is a plain service in its own sub-package that knows nothing of the engine;
 * the {@code worker} package holds the thin job-worker adapters. Types in this root package are the
 * vocabulary the sub-packages share: the reference that process variables carry and the one kind
 * of failure that is the document's fault rather than the machine's.
 */
package org.tsumugi.document;
