package org.tsumugi.server.web;

import static org.tsumugi.server.web.CurrentUser.ADMIN;
import static org.tsumugi.server.web.CurrentUser.CLERK;
import static org.tsumugi.server.web.CurrentUser.DOCTOR;
import static org.tsumugi.server.web.CurrentUser.NURSE;
import static org.tsumugi.server.web.CurrentUser.PROCESS_OWNER;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Which roles may open which page: the one table the security configuration applies, and the one
 * the route walk test reads, so a new page cannot be added without deciding who may see it.
 */
public final class PageRoutes {

  /** A page pattern (Spring path pattern), the method (null for all) and the roles allowed. */
  public record Rule(HttpMethod method, String pattern, List<String> roles) {}

  private static final List<String> STAFF = List.of(CLERK, NURSE, DOCTOR);
  private static final List<String> OWNERS = List.of(PROCESS_OWNER, ADMIN);
  private static final List<String> EVERYONE = List.of(ADMIN, PROCESS_OWNER, CLERK, NURSE, DOCTOR);

  public static final List<Rule> RULES = List.of(
      new Rule(null, "/inbox/**", STAFF),
      new Rule(HttpMethod.POST, "/dashboard/**", OWNERS),
      new Rule(null, "/dashboard/**", EVERYONE),
      new Rule(null, "/processes/**", OWNERS),
      new Rule(null, "/notifications/**", EVERYONE),
      new Rule(HttpMethod.GET, "/", EVERYONE),
      new Rule(null, "/monshin-links/**", List.of(CLERK, NURSE, ADMIN)),
      // the document store's own API (workers/document): people see documents through their task or instance
      new Rule(null, "/api/documents/**", List.of(ADMIN)));

  private PageRoutes() {}
}
