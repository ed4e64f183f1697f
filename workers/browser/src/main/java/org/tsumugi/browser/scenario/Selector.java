package org.tsumugi.browser.scenario;

/**
 * How a step finds an element. Label text and role with accessible name are preferred in scenarios
 * because they survive layout changes that break CSS and XPath.
 *
 * @param by the strategy
 * @param value the CSS, XPath, label text, visible text or ARIA role (templated)
 * @param name the accessible name, only for {@link By#ROLE} (templated, may be null)
 */
public record Selector(By by, String value, String name) {

  /** Selector strategies, named as they are written in the YAML. */
  public enum By {
    CSS("css"),
    XPATH("xpath"),
    LABEL("label"),
    ROLE("role"),
    TEXT("text");

    private final String key;

    By(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** The selector as written, for logs and error messages (never a rendered value). */
  @Override
  public String toString() {
    return by.key + "=" + value + (name == null ? "" : " name=" + name);
  }
}
