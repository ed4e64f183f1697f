package org.tsumugi.server.deploy;

import java.util.List;

/** Where the folders' files go live: the embedded engine, or the Camunda 8 cluster in remote mode. */
interface DeploymentTarget {

  /**
   * Deploys one file on its own; answers what went live, one line per form, decision or process, or throws
   * with the reason it was refused.
   */
  List<String> deploy(String name, byte[] content);
}
