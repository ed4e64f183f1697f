package org.tsumugi.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in and which sections they may open. */
@ControllerAdvice(basePackages = "org.tsumugi.server")
class PageModel {
  private final boolean enginePages;

  /** The process, instance and dashboard pages read the embedded engine: not there in remote mode. */
  PageModel(@Value("${tsumugi.mode:embedded}") String mode) {
    this.enginePages = !"remote".equals(mode);
  }

  @ModelAttribute("enginePages")
  boolean enginePages() {
    return enginePages;
  }

  @ModelAttribute("me")
  CurrentUser me(Authentication authentication) {
    return authentication == null ? null : CurrentUser.of(authentication);
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
