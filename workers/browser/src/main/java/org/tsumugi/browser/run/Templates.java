package org.tsumugi.browser.run;

import org.tsumugi.browser.Messages;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{variable}}} and {@code {{secret:name}}} placeholders of scenario strings. */
final class Templates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private final Map<String, Object> variables;
  private final UnaryOperator<String> secrets;

  Templates(Map<String, Object> variables, UnaryOperator<String> secrets) {
    this.variables = variables;
    this.secrets = secrets;
  }

  /** Renders a string; secrets only when the caller types the result into a field. */
  String render(String template, boolean allowSecrets) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String value;
      if (ref.startsWith("secret:")) {
        if (!allowSecrets) {
          throw new StepFailure(Messages.get("run.secretNotHere"));
        }
        value = secrets.apply(ref.substring(7));
      } else {
        Object v = lookup(ref);
        value = v == null ? "" : String.valueOf(v);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A whole-string placeholder as the variable's own value (a list for repeat). */
  Object resolve(String template) {
    Matcher m = PLACEHOLDER.matcher(template.strip());
    if (m.matches() && !m.group(1).startsWith("secret:")) {
      return lookup(m.group(1));
    }
    return render(template, false);
  }

  private Object lookup(String path) {
    String[] parts = path.split("\\.");
    if (!variables.containsKey(parts[0])) {
      throw new StepFailure(Messages.get("run.noVariable", parts[0]));
    }
    Object v = variables.get(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      if (v instanceof Map<?, ?> map) {
        v = map.get(parts[i]);
      } else if (v instanceof List<?> list && parts[i].matches("\\d+") && Integer.parseInt(parts[i]) < list.size()) {
        v = list.get(Integer.parseInt(parts[i]));
      } else {
        throw new StepFailure(Messages.get("run.noVariable", path));
      }
    }
    return v;
  }
}
