package org.tsumugi.browser.scenario;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each part of a scenario file starts, by the paths problems are reported under ({@code steps[2]},
 * {@code steps[2].then[0].click}), so that a message names the line to open in the editor.
 */
final class SourceLines {

  private final Map<String, Integer> lines = new HashMap<>();

  SourceLines(Node root) {
    if (root != null) {
      walk(root, "");
    }
  }

  static SourceLines none() {
    return new SourceLines(null);
  }

  /** The 1-based line of the field under a path, else of the path itself, else of its nearest parent. */
  Integer line(String path, String field) {
    if (!field.isEmpty()) {
      Integer exact = lines.get(path.isEmpty() ? field : path + "." + field);
      if (exact != null) {
        return exact;
      }
    }
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      Integer found = lines.get(p);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private void walk(Node node, String path) {
    if (!path.isEmpty()) {
      lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
    }
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          // The key's line: a value may start on the next line (a list under "steps:").
          lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
          walk(tuple.getValueNode(), child);
        }
      }
    } else if (node instanceof SequenceNode list) {
      for (int i = 0; i < list.getValue().size(); i++) {
        walk(list.getValue().get(i), path + "[" + i + "]");
      }
    }
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
