package org.tsumugi.browser.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree of one file into a {@link Scenario}, collecting every problem instead of
 * stopping at the first, so that one reading of the messages fixes the whole file.
 */
final class ScenarioParser {

  static final List<String> STEP_KINDS = List.of("open", "fill", "select", "check", "click", "wait",
      "extract", "assert", "screenshot", "upload", "download", "frame", "window", "dialog", "if",
      "repeat", "call", "fail", "write");

  private static final Set<String> COMMON = Set.of("name", "timeout", "screenshot");
  private static final Map<String, Set<String>> EXTRA = Map.ofEntries(
      Map.entry("open", Set.of()),
      Map.entry("fill", Set.of("value")),
      Map.entry("select", Set.of("option")),
      Map.entry("check", Set.of("checked")),
      Map.entry("click", Set.of()),
      Map.entry("wait", Set.of()),
      Map.entry("extract", Set.of("as", "attribute", "table", "all")),
      Map.entry("assert", Set.of("error", "message")),
      Map.entry("screenshot", Set.of()),
      Map.entry("upload", Set.of("file", "document")),
      Map.entry("download", Set.of("as")),
      Map.entry("frame", Set.of()),
      Map.entry("window", Set.of()),
      Map.entry("dialog", Set.of("text")),
      Map.entry("if", Set.of("then", "else")),
      Map.entry("repeat", Set.of("as", "steps")),
      Map.entry("call", Set.of()),
      Map.entry("fail", Set.of("message")),
      Map.entry("write", Set.of("unless", "steps")));
  private static final Set<String> TOP = Set.of("name", "description", "target", "baseUrl",
      "inputs", "errors", "session", "timeouts", "steps");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");

  private final String file;
  private final SourceLines lines;
  private final List<String> problems = new ArrayList<>();

  private ScenarioParser(String file, SourceLines lines) {
    this.file = file;
    this.lines = lines;
  }

  /** Parses one file's YAML tree; throws {@link ScenarioException} listing every problem. */
  static Scenario parse(String file, String defaultName, Object yaml) {
    return parse(file, defaultName, yaml, SourceLines.none());
  }

  /** The same, with the file's node tree so that problems name their line. */
  static Scenario parse(String file, String defaultName, Object yaml, SourceLines lines) {
    ScenarioParser p = new ScenarioParser(file, lines);
    Scenario s = p.scenario(defaultName, yaml);
    if (!p.problems.isEmpty()) {
      throw new ScenarioException(p.problems);
    }
    return s;
  }

  private Scenario scenario(String defaultName, Object yaml) {
    if (!(yaml instanceof Map<?, ?> root)) {
      problem("", null, "", "シナリオはキーと値の組（マップ）で書いてください");
      return null;
    }
    for (Object key : root.keySet()) {
      if (!TOP.contains(String.valueOf(key))) {
        problem("", null, String.valueOf(key), "不明な項目です。使える項目: " + String.join(", ", sorted(TOP)));
      }
    }
    String name = root.get("name") == null ? defaultName : String.valueOf(root.get("name"));
    String target = string(root, "target", "", null, true);
    String baseUrl = string(root, "baseUrl", "", null, false);
    List<String> inputs = new ArrayList<>();
    if (root.get("inputs") instanceof List<?> list) {
      list.forEach(i -> inputs.add(String.valueOf(i)));
    } else if (root.get("inputs") != null) {
      problem("", null, "inputs", "変数名のリストで書いてください");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (root.get("errors") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (!ERROR_CODE.matcher(String.valueOf(k)).matches()) {
          problem("", null, "errors." + k, "エラーコードは英大文字・数字・_ で書いてください（例: PATIENT_NOT_FOUND）");
        }
        errors.put(String.valueOf(k), v == null ? String.valueOf(k) : String.valueOf(v));
      });
    } else if (root.get("errors") != null) {
      problem("", null, "errors", "エラーコードとメッセージのマップで書いてください");
    }
    Scenario.Session session = Scenario.Session.NONE;
    if (root.get("session") instanceof Map<?, ?> s) {
      Object keep = s.get("keepLogin");
      Condition loggedOut = s.get("loggedOutWhen") == null ? null
          : condition(s.get("loggedOutWhen"), "session", null, "loggedOutWhen");
      String login = s.get("login") == null ? null : String.valueOf(s.get("login"));
      if ((loggedOut == null) != (login == null)) {
        problem("session", null, "login", "loggedOutWhen と login は両方指定してください");
      }
      session = new Scenario.Session(Boolean.TRUE.equals(keep), loggedOut, login);
    } else if (root.get("session") != null) {
      problem("", null, "session", "keepLogin, loggedOutWhen, login のマップで書いてください");
    }
    Duration page = Duration.ofSeconds(15);
    Duration step = Duration.ofSeconds(10);
    if (root.get("timeouts") instanceof Map<?, ?> t) {
      page = t.get("page") == null ? page : duration(t.get("page"), "timeouts", null, "page");
      step = t.get("step") == null ? step : duration(t.get("step"), "timeouts", null, "step");
    }
    List<Step> steps = List.of();
    if (root.get("steps") instanceof List<?> list && !list.isEmpty()) {
      steps = steps(list, "steps");
    } else {
      problem("", null, "steps", "手順（steps）が1つ以上必要です");
    }
    return new Scenario(name, file, target, baseUrl, List.copyOf(inputs), Map.copyOf(errors),
        session, page, step, steps);
  }

  private List<Step> steps(List<?> list, String path) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Step s = step(list.get(i), path + "[" + i + "]");
      if (s != null) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private Step step(Object raw, String path) {
    if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
      problem(path, null, "", "手順はマップで書いてください（例: - click: {text: 登録}）");
      return null;
    }
    String kind = null;
    // "screenshot" is a step kind and also a flag on any other step; with another kind it is the flag.
    boolean screenshotIsFlag = m.containsKey("screenshot")
        && m.keySet().stream().anyMatch(k -> !"screenshot".equals(k) && STEP_KINDS.contains(String.valueOf(k)));
    for (Object key : m.keySet()) {
      if (STEP_KINDS.contains(String.valueOf(key)) && !(screenshotIsFlag && "screenshot".equals(key))) {
        if (kind != null) {
          problem(path, kind, String.valueOf(key), "1つの手順に種類は1つだけです（" + kind + " と " + key + "）");
        }
        kind = String.valueOf(key);
      }
    }
    if (kind == null) {
      String first = String.valueOf(m.keySet().iterator().next());
      problem(path, null, first, "不明な手順 '" + first + "' です。使える手順: " + String.join(", ", STEP_KINDS));
      return null;
    }
    for (Object key : m.keySet()) {
      String k = String.valueOf(key);
      if (!k.equals(kind) && !COMMON.contains(k) && !EXTRA.get(kind).contains(k)) {
        problem(path, kind, k, "この手順では使えない項目です。使える項目: "
            + String.join(", ", sorted(union(COMMON, EXTRA.get(kind)))));
      }
    }
    Step.Common c = new Step.Common(path, kind, m.get("name") == null ? null : String.valueOf(m.get("name")),
        m.get("timeout") == null ? null : duration(m.get("timeout"), path, kind, "timeout"),
        Boolean.TRUE.equals(m.get("screenshot")));
    Object v = m.get(kind);
    return switch (kind) {
      case "open" -> new Step.Open(c, template(text(v, path, kind, kind), path, kind, kind, false));
      case "fill" -> {
        Selector sel = selector(v, path, kind, kind);
        String value = template(string(m, "value", path, kind, true), path, kind, "value", true);
        if (sel != null && value != null && looksLikePassword(sel) && !value.contains("secret:")) {
          problem(path, kind, "value", "パスワードは直接書かず {{secret:名前}} で資格情報保管庫から参照してください");
        }
        yield new Step.Fill(c, sel, value);
      }
      case "select" -> new Step.Select(c, selector(v, path, kind, kind),
          template(string(m, "option", path, kind, true), path, kind, "option", false));
      case "check" -> new Step.Check(c, selector(v, path, kind, kind),
          m.get("checked") == null ? "true" : template(String.valueOf(m.get("checked")), path, kind, "checked", false));
      case "click" -> new Step.Click(c, selector(v, path, kind, kind));
      case "wait" -> {
        if ("networkIdle".equals(v) || (v instanceof Map<?, ?> w && Boolean.TRUE.equals(w.get("networkIdle")))) {
          yield new Step.Wait(c, null, true);
        }
        yield new Step.Wait(c, condition(v, path, kind, kind), false);
      }
      case "extract" -> extract(c, m, v);
      case "assert" -> new Step.Assert(c, condition(v, path, kind, kind), errorCode(m.get("error"), path, kind),
          m.get("message") == null ? null : String.valueOf(m.get("message")));
      case "screenshot" -> new Step.Screenshot(c, v == null || Boolean.TRUE.equals(v) ? "screenshot" : String.valueOf(v));
      case "upload" -> {
        if ((m.get("file") == null) == (m.get("document") == null)) {
          problem(path, kind, "file", "file（ファイルのパス）か document（文書の参照）のどちらか1つを指定してください");
        }
        yield new Step.Upload(c, selector(v, path, kind, kind),
            template(string(m, "file", path, kind, false), path, kind, "file", false),
            template(string(m, "document", path, kind, false), path, kind, "document", false));
      }
      case "download" -> new Step.Download(c, selector(v, path, kind, kind), variableName(m.get("as"), path, kind));
      case "frame" -> "parent".equals(v) || "top".equals(v)
          ? new Step.Frame(c, null, String.valueOf(v))
          : new Step.Frame(c, selector(v, path, kind, kind), null);
      case "window" -> {
        if (!List.of("new", "main", "close").contains(String.valueOf(v))) {
          problem(path, kind, kind, "new, main, close のいずれかを指定してください");
        }
        yield new Step.Window(c, String.valueOf(v));
      }
      case "dialog" -> {
        if (!"accept".equals(v) && !"dismiss".equals(v)) {
          problem(path, kind, kind, "accept（OK）か dismiss（キャンセル）を指定してください");
        }
        yield new Step.Dialog(c, "accept".equals(v),
            m.get("text") == null ? null : template(String.valueOf(m.get("text")), path, kind, "text", false));
      }
      case "if" -> new Step.If(c, condition(v, path, kind, kind), nested(m, "then", path, kind, true),
          nested(m, "else", path, kind, false));
      case "repeat" -> {
        String over = text(v, path, kind, kind);
        if (over != null && !PLACEHOLDER.matcher(over.strip()).matches()) {
          problem(path, kind, kind, "繰り返す一覧を {{変数名}} で指定してください");
        }
        yield new Step.Repeat(c, over, variableName(m.get("as"), path, kind), nested(m, "steps", path, kind, true));
      }
      case "call" -> new Step.Call(c, text(v, path, kind, kind));
      case "fail" -> new Step.Fail(c, errorCode(v, path, kind),
          m.get("message") == null ? null : String.valueOf(m.get("message")));
      case "write" -> {
        if (m.get("unless") == null) {
          problem(path, kind, "unless", "書き込みには、登録済みかを確かめる条件（unless）が必要です");
        }
        yield new Step.Write(c, text(v, path, kind, kind),
            m.get("unless") == null ? null : condition(m.get("unless"), path, kind, "unless"),
            nested(m, "steps", path, kind, true));
      }
      default -> throw new IllegalStateException(kind);
    };
  }

  private Step extract(Step.Common c, Map<?, ?> m, Object v) {
    String path = c.path();
    String kind = c.kind();
    Selector sel = selector(v, path, kind, kind);
    String as = variableName(m.get("as"), path, kind);
    boolean table = Boolean.TRUE.equals(m.get("table"));
    boolean all = Boolean.TRUE.equals(m.get("all"));
    String attribute = m.get("attribute") == null ? null : String.valueOf(m.get("attribute"));
    if ((table ? 1 : 0) + (all ? 1 : 0) + (attribute != null ? 1 : 0) > 1) {
      problem(path, kind, "table", "table, all, attribute はどれか1つだけ指定できます");
    }
    Step.Extract.Mode mode = table ? Step.Extract.Mode.TABLE
        : all ? Step.Extract.Mode.ALL_TEXT
        : attribute != null ? Step.Extract.Mode.ATTRIBUTE : Step.Extract.Mode.TEXT;
    return new Step.Extract(c, sel, as, mode, attribute);
  }

  private List<Step> nested(Map<?, ?> m, String field, String path, String kind, boolean required) {
    Object v = m.get(field);
    if (v == null) {
      if (required) {
        problem(path, kind, field, "手順のリストが必要です");
      }
      return List.of();
    }
    if (!(v instanceof List<?> list) || list.isEmpty()) {
      problem(path, kind, field, "手順のリストで書いてください");
      return List.of();
    }
    return steps(list, path + "." + field);
  }

  private Selector selector(Object v, String path, String kind, String field) {
    if (!(v instanceof Map<?, ?> m)) {
      problem(path, kind, field, "要素の指定は css, xpath, label, role, text のいずれかで書いてください（例: {label: 主訴}）");
      return null;
    }
    Selector found = null;
    for (Selector.By by : Selector.By.values()) {
      if (m.get(by.key()) != null) {
        if (found != null) {
          problem(path, kind, field, "要素の指定は1つだけにしてください（" + found.by().key() + " と " + by.key() + "）");
        }
        String name = m.get("name") == null ? null : String.valueOf(m.get("name"));
        found = new Selector(by, template(String.valueOf(m.get(by.key())), path, kind, field, false), name);
      }
    }
    for (Object key : m.keySet()) {
      String k = String.valueOf(key);
      boolean known = k.equals("name") || java.util.Arrays.stream(Selector.By.values()).anyMatch(b -> b.key().equals(k));
      if (!known) {
        problem(path, kind, field + "." + k, "不明な指定方法です。使えるもの: css, xpath, label, role（+ name）, text");
      }
    }
    if (found == null) {
      problem(path, kind, field, "css, xpath, label, role, text のいずれかを指定してください");
    } else if (m.get("name") != null && found.by() != Selector.By.ROLE) {
      problem(path, kind, field + ".name", "name（アクセシブル名）は role と一緒に使います");
    }
    return found;
  }

  private Condition condition(Object v, String path, String kind, String field) {
    if (!(v instanceof Map<?, ?> m) || m.size() != 1) {
      problem(path, kind, field, "条件は present, absent, text, url, variable のどれか1つで書いてください");
      return null;
    }
    String key = String.valueOf(m.keySet().iterator().next());
    Object value = m.get(key);
    return switch (key) {
      case "present", "element" -> new Condition.Present(selector(value, path, kind, field + "." + key));
      case "absent", "gone" -> new Condition.Absent(selector(value, path, kind, field + "." + key));
      case "text" -> new Condition.TextPresent(template(text(value, path, kind, field + ".text"), path, kind, field, false));
      case "url" -> new Condition.UrlContains(template(text(value, path, kind, field + ".url"), path, kind, field, false));
      case "variable" -> {
        if (value == null || !VARIABLE.matcher(String.valueOf(value)).matches()) {
          problem(path, kind, field + ".variable", "変数名（例: allergy, entry.urgent）を指定してください");
        }
        yield new Condition.VariableTrue(String.valueOf(value));
      }
      default -> {
        problem(path, kind, field + "." + key, "不明な条件です。使えるもの: present, absent, text, url, variable");
        yield null;
      }
    };
  }

  private String errorCode(Object v, String path, String kind) {
    if (v == null) {
      return null;
    }
    String code = String.valueOf(v);
    if (!ERROR_CODE.matcher(code).matches()) {
      problem(path, kind, "error", "エラーコードは英大文字・数字・_ で書いてください（例: PATIENT_NOT_FOUND）");
    }
    return code;
  }

  private String variableName(Object v, String path, String kind) {
    if (v == null || !VARIABLE.matcher(String.valueOf(v)).matches() || String.valueOf(v).contains(".")) {
      problem(path, kind, "as", "結果を入れる変数名（英数字と _）を指定してください");
      return null;
    }
    return String.valueOf(v);
  }

  private String template(String s, String path, String kind, String field, boolean secretsAllowed) {
    if (s == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      String ref = m.group(1);
      if (ref.startsWith("secret:")) {
        if (!secretsAllowed) {
          problem(path, kind, field, "秘密情報 {{" + ref + "}} は fill の value でだけ使えます");
        } else if (ref.length() == 7) {
          problem(path, kind, field, "秘密情報の名前がありません（{{secret:名前}}）");
        }
      } else if (!VARIABLE.matcher(ref).matches()) {
        problem(path, kind, field, "変数の参照 {{" + ref + "}} が読めません（例: {{patientId}}）");
      }
    }
    String rest = m.replaceAll("");
    if (rest.contains("{{") || rest.contains("}}")) {
      problem(path, kind, field, "{{ と }} の対応が取れていません");
    }
    return s;
  }

  private String string(Map<?, ?> m, String field, String path, String kind, boolean required) {
    Object v = m.get(field);
    if (v == null) {
      if (required) {
        problem(path, kind, field, "この項目は必須です");
      }
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      problem(path, kind, field, "文字列で書いてください");
      return null;
    }
    return String.valueOf(v);
  }

  private String text(Object v, String path, String kind, String field) {
    if (v == null || v instanceof Map || v instanceof List || String.valueOf(v).isBlank()) {
      problem(path, kind, field, "文字列で書いてください");
      return null;
    }
    return String.valueOf(v);
  }

  private Duration duration(Object v, String path, String kind, String field) {
    String s = String.valueOf(v).strip();
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
      }
      if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
      }
      return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    } catch (NumberFormatException e) {
      problem(path, kind, field, "時間は 500ms, 5s, 2m のように書いてください");
      return Duration.ofSeconds(10);
    }
  }

  private static boolean looksLikePassword(Selector s) {
    String v = (s.value() + " " + (s.name() == null ? "" : s.name())).toLowerCase(java.util.Locale.ROOT);
    return v.contains("password") || v.contains("パスワード") || v.contains("暗証");
  }

  private void problem(String path, String kind, String field, String message) {
    StringBuilder sb = new StringBuilder(file);
    Integer line = lines.line(path, field);
    if (line != null) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(path);
      if (kind != null) {
        sb.append(" (").append(kind).append(")");
      }
      sb.append(": ");
    }
    if (!field.isEmpty()) {
      sb.append("'").append(field).append("': ");
    }
    problems.add(sb.append(message).toString());
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }
}
