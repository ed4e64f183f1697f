package org.tsumugi.engine.state;

/** A variable of one scope (an element instance); its value is a JSON-shaped Java value. */
public final class Variable extends Entity {
  public final long scopeKey;
  public final long processInstanceKey;
  public final String name;
  public Object value;

  public Variable(long key, long scopeKey, long processInstanceKey, String name, Object value) {
    super(key);
    this.scopeKey = scopeKey;
    this.processInstanceKey = processInstanceKey;
    this.name = name;
    this.value = value;
  }
}
