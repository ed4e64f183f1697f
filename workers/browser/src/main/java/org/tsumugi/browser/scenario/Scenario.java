package org.tsumugi.browser.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A parsed and validated scenario.
 *
 * @param name the name jobs use, e.g. {@code sandbox-emr/monshin-entry} (its path under robots/)
 * @param file the file it came from, for messages
 * @param target the system it drives; base URLs and kept logins are per target
 * @param baseUrl the default base URL for relative {@code open} steps; configuration may override
 * @param inputs the job variables the scenario needs
 * @param errors the business error codes it may raise, with their Japanese messages
 * @param session how to notice being logged out and which scenario logs in again
 * @param pageTimeout the bound on one page load
 * @param stepTimeout the default bound on waiting for an element or condition
 * @param steps the steps
 */
public record Scenario(
    String name,
    String file,
    String target,
    String baseUrl,
    List<String> inputs,
    Map<String, String> errors,
    Session session,
    Duration pageTimeout,
    Duration stepTimeout,
    List<Step> steps) {

  /**
   * @param keepLogin whether the browser may keep this target's cookies between jobs
   * @param loggedOutWhen a condition that is true on the target's login page; null = never checked
   * @param login the scenario that logs in again; null = no re-login
   */
  public record Session(boolean keepLogin, Condition loggedOutWhen, String login) {
    static final Session NONE = new Session(false, null, null);
  }
}
