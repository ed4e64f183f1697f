package org.tsumugi.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Pages are in Japanese unless the person asks for English: ?lang=en (remembered for the session) or
 * a browser that prefers English over Japanese.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {
  static final List<Locale> OFFERED = List.of(Locale.JAPANESE, Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    SessionLocaleResolver resolver = new SessionLocaleResolver();
    resolver.setDefaultLocaleFunction(LanguageConfiguration::fromBrowser);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }

  static Locale fromBrowser(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return Locale.JAPANESE;
    }
    Locale best = Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")), OFFERED);
    return best == null ? Locale.JAPANESE : best;
  }
}
