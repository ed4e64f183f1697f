package org.tsumugi.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A change to a user that cannot be made. Names the field at fault, and a message code (problem.*)
 * so that the pages say it in the person's language; the API answers with the English message.
 */
public class UserChangeException extends RuntimeException {
  private final String field;
  private final String code;
  private final Object[] args;

  public UserChangeException(String field, String code, Object[] args, String message) {
    super(message);
    this.field = field;
    this.code = code;
    this.args = args.clone();
  }

  public String field() {
    return field;
  }

  /** The message in the page's language, or the English one when no translation exists. */
  public String localized(MessageSource messages, HttpServletRequest request) {
    // the page's own resolver: the language the person chose, which the page is rendered in
    Locale locale = RequestContextUtils.getLocale(request);
    return messages.getMessage("problem." + code, args, getMessage(), locale);
  }
}
