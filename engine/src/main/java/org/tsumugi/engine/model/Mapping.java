package org.tsumugi.engine.model;

import org.tsumugi.engine.feel.Expression;

/** One zeebe:input or zeebe:output: a FEEL source and a (possibly dotted) target variable path. */
public record Mapping(Expression source, String target) {}
