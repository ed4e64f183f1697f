/**
 * Named fields out of document text: each document kind lists its fields, the words that label
 * them on paper (anchors) and what their values look like, in a YAML file a process owner can read
 * and edit. Values are normalised the Japanese way: full/half width, kana, and 和暦 dates to ISO.
 */
package org.tsumugi.document.fields;
