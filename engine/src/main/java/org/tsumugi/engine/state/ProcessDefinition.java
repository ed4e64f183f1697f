package org.tsumugi.engine.state;

import org.tsumugi.engine.model.ProcessModel;

/** A deployed version of a process. */
public final class ProcessDefinition {
  public final long key;
  public final String bpmnProcessId;
  public final int version;
  public final String name;
  public final String resourceName;
  public final String checksum;
  public final long deploymentKey;
  public final byte[] resource;
  public final ProcessModel model;

  public ProcessDefinition(long key, String bpmnProcessId, int version, String name, String resourceName,
      String checksum, long deploymentKey, byte[] resource, ProcessModel model) {
    this.key = key;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.name = name;
    this.resourceName = resourceName;
    this.checksum = checksum;
    this.deploymentKey = deploymentKey;
    this.resource = resource;
    this.model = model;
  }
}
