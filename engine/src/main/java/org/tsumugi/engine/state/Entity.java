package org.tsumugi.engine.state;

/**
 * A row of runtime state. The single writer changes entities in memory and marks them dirty; the
 * store writes every dirty entity of a batch in one transaction.
 */
public abstract class Entity {
  public final long key;
  boolean persisted;

  protected Entity(long key) {
    this.key = key;
  }
}
