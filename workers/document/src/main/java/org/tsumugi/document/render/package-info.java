/**
 * Writes PDFs from templates that a process owner can read and edit: a few line marks (title,
 * heading, table row, rule) and {@code {{placeholders}}} filled from process variables. Output is
 * A4 with IPAex Gothic embedded, Japanese line breaking (kinsoku), page numbers, and is byte for
 * byte the same for the same template and data, so archived letters can be checked by hash.
 */
package org.tsumugi.document.render;
