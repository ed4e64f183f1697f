/**
 * The scenario file format: a YAML file per target system and task, parsed into immutable steps and
 * validated on load so that a process owner learns of a mistake when the file is read, not halfway
 * through a night run.
 */
package org.tsumugi.browser.scenario;
