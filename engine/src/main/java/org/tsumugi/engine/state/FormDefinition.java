package org.tsumugi.engine.state;

/** A deployed version of a Camunda form (.form), kept as written. */
public final class FormDefinition extends Entity {
  public final String formId;
  public final int version;
  public final String resourceName;
  public final String checksum;
  public final long deploymentKey;
  public final String schema;

  public FormDefinition(long key, String formId, int version, String resourceName, String checksum,
      long deploymentKey, String schema) {
    super(key);
    this.formId = formId;
    this.version = version;
    this.resourceName = resourceName;
    this.checksum = checksum;
    this.deploymentKey = deploymentKey;
    this.schema = schema;
  }
}
