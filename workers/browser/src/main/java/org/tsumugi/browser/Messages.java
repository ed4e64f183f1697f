package org.tsumugi.browser;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The robots' messages for people (incident texts, job failures), Japanese unless the installation sets
 * {@code tsumugi.browser.locale: en}. One language per installation rather than per call: the messages
 * are made deep inside plain services and read later by whoever looks at the incident, so there is no
 * request to take a language from.
 */
public final class Messages {

  private static final String BUNDLE = "org.tsumugi.browser.messages";
  // Never the JVM's own locale: a server started with LANG=en_US must still speak Japanese by default.
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static volatile Locale locale = Locale.JAPANESE;

  private Messages() {}

  /** Sets the installation's language ({@code ja} or {@code en}; anything else means Japanese). */
  public static void use(Locale newLocale) {
    locale = Locale.ENGLISH.getLanguage().equals(newLocale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
  }

  public static Locale locale() {
    return locale;
  }

  /** The message under {@code key} with its {@code {0}}, {@code {1}}… filled in. */
  public static String get(String key, Object... args) {
    String pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    MessageFormat format = new MessageFormat(pattern, locale);
    // Plain text for arguments: numbers as typed (no grouping) and no surprises from quotes.
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      texts[i] = String.valueOf(args[i]);
    }
    return format.format(texts);
  }
}
