package org.tsumugi.document.fields;

import java.util.List;
import java.util.Map;

/** Field values by name (normalised), and the names of configured fields that were not found. */
public record ExtractedFields(Map<String, String> values, List<String> missing) {
}
