/**
 * Streaming reader for UKE files (レセプト電算処理 記録条件仕様, 医科): MS932, CR LF, comma separated,
 * one receipt at a time so a file of any size is read in bounded memory. Every problem names the line,
 * the record type and the field, and is reported rather than dropped.
 */
package org.tsumugi.claims.uke;
