package org.tsumugi.browser.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Every scenario of a robots/ folder, loaded and validated together: besides each file on its own,
 * it checks what spans files (called scenarios and login scenarios exist, no call cycles, every
 * business error code a step raises is declared).
 */
public final class ScenarioCatalog {

  private final Map<String, Scenario> scenarios;

  private ScenarioCatalog(Map<String, Scenario> scenarios) {
    this.scenarios = Map.copyOf(scenarios);
  }

  /** Loads every {@code *.yaml} / {@code *.yml} below the folder; names are their relative paths. */
  public static ScenarioCatalog load(Path robotsDir) {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(robotsDir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = robotsDir.relativize(f).toString().replace('\\', '/');
        if (rel.endsWith(".yaml") || rel.endsWith(".yml")) {
          sources.put(rel, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("シナリオのフォルダを読めません: " + robotsDir, e);
    }
    return of(sources);
  }

  /** Builds a catalog from file names (relative, e.g. {@code emr/login.yaml}) and their text. */
  public static ScenarioCatalog of(Map<String, String> sources) {
    List<String> problems = new ArrayList<>();
    Map<String, Scenario> byName = new TreeMap<>();
    Map<String, SourceLines> linesOf = new java.util.HashMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      String file = e.getKey();
      String name = file.replaceFirst("\\.ya?ml$", "");
      try {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object tree = yaml.load(e.getValue());
        SourceLines lines = new SourceLines(yaml.compose(new java.io.StringReader(e.getValue())));
        Scenario s = ScenarioParser.parse(file, name, tree, lines);
        linesOf.put(file, lines);
        Scenario previous = byName.put(s.name(), s);
        if (previous != null) {
          problems.add(file + ": 'name': シナリオ名 " + s.name() + " は " + previous.file() + " でも使われています");
        }
      } catch (ScenarioException ex) {
        problems.addAll(ex.problems());
      } catch (YAMLException ex) {
        problems.add(file + ": YAML として読めません: " + ex.getMessage().replace('\n', ' '));
      }
    }
    for (Scenario s : byName.values()) {
      checkReferences(s, linesOf.getOrDefault(s.file(), SourceLines.none()), s.steps(), byName, problems);
      if (s.session().login() != null && !byName.containsKey(s.session().login())) {
        problems.add(s.file() + ": session: 'login': シナリオ " + s.session().login() + " がありません");
      }
      findCycle(s.name(), byName, new ArrayList<>(), problems);
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return new ScenarioCatalog(byName);
  }

  /** The scenario of that name; the message lists the known names to spot a typo in a task header. */
  public Scenario get(String name) {
    Scenario s = scenarios.get(name);
    if (s == null) {
      throw new IllegalArgumentException("シナリオ " + name + " がありません。あるもの: " + String.join(", ", names()));
    }
    return s;
  }

  public Set<String> names() {
    return new java.util.TreeSet<>(scenarios.keySet());
  }

  private static void checkReferences(Scenario s, SourceLines lines, List<Step> steps, Map<String, Scenario> all,
      List<String> problems) {
    for (Step step : steps) {
      Integer line = lines.line(step.common().path(), step.common().kind());
      String where = s.file() + (line != null ? ":" + line : "") + ": " + step.common().path() + " ("
          + step.common().kind() + "): ";
      // Java 17 has no pattern switch yet, hence the instanceof chain.
      if (step instanceof Step.Call c) {
        if (c.scenario() != null && !all.containsKey(c.scenario())) {
          problems.add(where + "'call': シナリオ " + c.scenario() + " がありません");
        }
      } else if (step instanceof Step.Fail f) {
        checkCode(s, f.error(), where, problems);
      } else if (step instanceof Step.Assert a) {
        checkCode(s, a.error(), where, problems);
      }
      for (List<Step> children : children(step)) {
        checkReferences(s, lines, children, all, problems);
      }
    }
  }

  private static void checkCode(Scenario s, String code, String where, List<String> problems) {
    if (code != null && !s.errors().containsKey(code)) {
      problems.add(where + "'error': エラーコード " + code + " が errors に宣言されていません");
    }
  }

  private static void findCycle(String name, Map<String, Scenario> all, List<String> chain, List<String> problems) {
    if (chain.contains(name)) {
      if (chain.get(0).equals(name)) {
        problems.add(all.get(name).file() + ": 'call': 呼び出しが循環しています: " + String.join(" → ", chain) + " → " + name);
      }
      return;
    }
    Scenario s = all.get(name);
    if (s == null) {
      return;
    }
    chain.add(name);
    Set<String> callees = new HashSet<>();
    collectCalls(s.steps(), callees);
    for (String callee : callees) {
      findCycle(callee, all, chain, problems);
    }
    chain.remove(chain.size() - 1);
  }

  static void collectCalls(List<Step> steps, Set<String> out) {
    for (Step step : steps) {
      if (step instanceof Step.Call c) {
        out.add(c.scenario());
      }
      for (List<Step> children : children(step)) {
        collectCalls(children, out);
      }
    }
  }

  /** The nested step lists of a compound step. */
  static List<List<Step>> children(Step step) {
    if (step instanceof Step.If i) {
      return List.of(i.then(), i.otherwise());
    } else if (step instanceof Step.Repeat r) {
      return List.of(r.steps());
    } else if (step instanceof Step.Write w) {
      return List.of(w.steps());
    }
    return List.of();
  }
}
