package org.tsumugi.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in and which sections they may open. */
@ControllerAdvice(basePackages = "org.tsumugi.server")
class PageModel {

  @ModelAttribute("me")
  CurrentUser me(Authentication authentication) {
    return authentication == null ? null : CurrentUser.of(authentication);
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
