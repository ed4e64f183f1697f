package org.tsumugi.monshin.form;

import java.util.List;

/**
 * One answerable component of the questionnaire form.
 *
 * @param type the form-js component type (textfield, textarea, number, radio, select, checklist, checkbox)
 * @param values the allowed values of a choice component, empty otherwise
 * @param valueLabels the labels the patient saw for those values, in the same order
 * @param min lower bound of a number, or null
 * @param max upper bound of a number, or null
 * @param maxLength longest text accepted
 */
public record Question(String key, String label, String type, boolean required, List<String> values,
    List<String> valueLabels, Double min,
    Double max, int maxLength) {

  /** The label shown for a choice value; other values as they are. */
  public String labelOf(String value) {
    int i = values.indexOf(value);
    return i < 0 ? value : valueLabels.get(i);
  }

  public boolean choice() {
    return type.equals("radio") || type.equals("select");
  }
}
