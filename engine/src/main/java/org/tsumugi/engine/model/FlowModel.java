package org.tsumugi.engine.model;

import org.tsumugi.engine.feel.Expression;

/** A sequence flow, with its FEEL condition when it leaves an exclusive gateway. */
public final class FlowModel {
  final String id;
  ElementModel source;
  ElementModel target;
  Expression condition;

  FlowModel(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public ElementModel source() {
    return source;
  }

  public ElementModel target() {
    return target;
  }

  public Expression condition() {
    return condition;
  }
}
