package org.tsumugi.browser.scenario;

/** Something a step can test on the current page: used by if, assert, wait and write guards. */
public sealed interface Condition {

  /** An element matching the selector exists. */
  record Present(Selector selector) implements Condition {}

  /** No element matches the selector. */
  record Absent(Selector selector) implements Condition {}

  /** The page's visible text contains this text (templated). */
  record TextPresent(String text) implements Condition {}

  /** The current URL contains this text (templated). */
  record UrlContains(String text) implements Condition {}

  /** A job variable is present and truthy (not false, not empty, not "false"). */
  record VariableTrue(String name) implements Condition {}
}
