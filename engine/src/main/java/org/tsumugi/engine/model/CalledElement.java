package org.tsumugi.engine.model;

import org.tsumugi.engine.feel.Expression;

/**
 * What a call activity starts: a process by id (literal or FEEL), in the version its binding picks,
 * and which variables cross into and out of the child instance.
 */
public record CalledElement(Expression processId, Binding binding, String versionTag,
    boolean propagateAllParentVariables, boolean propagateAllChildVariables) {

  /** Which version of the called process a call activity starts. */
  public enum Binding {
    /** The latest deployed version when the call activity is entered. */
    LATEST,
    /** The version deployed together with the calling process's version. */
    DEPLOYMENT,
    /** The latest version with the given zeebe:versionTag. */
    VERSION_TAG
  }
}
