package org.tsumugi.server.web;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tsumugi.server.audit.AuditLog;

/** The audit log hears of every page view that shows patient data: who, what, when, from where. */
@Configuration
class WebConfiguration {

  @Bean
  PatientDataViews patientDataViews(AuditLog audit) {
    return (kind, key) -> {
      var attributes = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
      var request = attributes == null ? null : attributes.getRequest();
      var who = SecurityContextHolder.getContext().getAuthentication();
      audit.record(who == null ? "anonymous" : who.getName(), "VIEW",
          kind.toLowerCase(Locale.ROOT) + ":" + key, "SUCCESS", request == null ? null : request.getRemoteAddr());
    };
  }
}
