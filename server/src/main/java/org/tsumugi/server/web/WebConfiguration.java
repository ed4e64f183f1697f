package org.tsumugi.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/** Japanese pages by default; English when the browser asks for it first or {@code ?lang=en} chose it. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {
  private static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    return new SessionLocaleResolver() {
      @Override
      protected Locale determineDefaultLocale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
          return Locale.JAPANESE;
        }
        Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
        return best == null ? Locale.JAPANESE : best;
      }
    };
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor language = new LocaleChangeInterceptor();
    language.setParamName("lang");
    language.setIgnoreInvalidLocale(true);
    registry.addInterceptor(language);
  }

  /** Replaced by the audit log when it is merged. */
  @Bean
  @ConditionalOnMissingBean
  PatientDataViews patientDataViews() {
    return (kind, key) -> { };
  }
}
