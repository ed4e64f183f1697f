package org.tsumugi.browser.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small "legacy EMR" standing in for a hospital's electronic medical record in tests and demos.
 *
 * <p>It deliberately behaves like the old web systems robots meet in hospitals: server-rendered
 * Japanese pages, a cookie session that expires, a confirmation dialog before saving, an iframe,
 * a page that loads its data late, and a page that is simply slow. Tests can also make it log the
 * robot out or answer slowly at chosen moments. All data is fictitious.
 */
public final class SandboxEmr implements AutoCloseable {

  public static final String USER = "robot01";
  public static final String PASSWORD = "sandbox-Passw0rd";

  /** One 問診 entry as the EMR stored it. */
  public record MonshinRecord(
      String patientId,
      String receiptNo,
      String chiefComplaint,
      String onset,
      boolean allergy,
      String note,
      String savedAt) {}

  /** One patient registered through the EMR's 新患登録 screen. */
  public record Registration(String patientId, String name, String kana, String birthDate, String sex, String phone) {}

  /** One uploaded document. */
  public record Upload(String patientId, String fileName, int size) {}

  private record Patient(String id, String name, String kana, String birthDate, String sex) {}

  private static final List<Patient> PATIENTS =
      List.of(
          new Patient("P0001", "山田 太郎", "ヤマダ タロウ", "1958-04-12", "男"),
          new Patient("P0002", "佐藤 花子", "サトウ ハナコ", "1990-11-03", "女"),
          new Patient("P0003", "鈴木 一郎", "スズキ イチロウ", "1975-02-28", "男"),
          new Patient("P0004", "山田 花子", "ヤマダ ハナコ", "1962-07-19", "女"));

  private final HttpServer server;
  private final ExecutorService executor;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  private final List<MonshinRecord> records = new CopyOnWriteArrayList<>();
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();
  private final List<Registration> registrations = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextPatientNo = new AtomicInteger(1001);
  private final Set<String> logoutOnNextVisit = ConcurrentHashMap.newKeySet();
  private final Set<String> logoutOnEveryVisit = ConcurrentHashMap.newKeySet();
  private final AtomicInteger logins = new AtomicInteger();
  private volatile Duration sessionTtl = Duration.ofMinutes(20);
  private volatile Duration saveResponseDelay = Duration.ZERO;

  private SandboxEmr(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the sandbox on 127.0.0.1 and the given port (0 = any free port). */
  public static SandboxEmr start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    // Several threads so that a deliberately slow page does not block the robot's other requests.
    ExecutorService executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    SandboxEmr emr = new SandboxEmr(server, executor);
    server.createContext("/", emr::handle);
    server.start();
    return emr;
  }

  /** Starts the sandbox for a demo: {@code java ... SandboxEmr [port]}. */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
    SandboxEmr emr = start(port);
    System.out.println("サンドボックス電子カルテ: " + emr.baseUrl() + "  (ID " + USER + ")");
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<MonshinRecord> records() {
    return List.copyOf(records);
  }

  /** Patients registered since the last reset, in order (a duplicate shows as two rows). */
  public List<Registration> registrations() {
    return List.copyOf(registrations);
  }

  public List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  public int logins() {
    return logins.get();
  }

  public void sessionTtl(Duration ttl) {
    this.sessionTtl = ttl;
  }

  /** The next request to this path finds its session gone, as when the EMR times a user out. */
  public void logoutOnNextVisit(String path) {
    logoutOnNextVisit.add(path);
  }

  /** Every request to this path finds its session gone: a target that keeps logging robots out. */
  public void logoutOnEveryVisit(String path) {
    logoutOnEveryVisit.add(path);
  }

  /** The EMR saves a 問診 at once but answers only after this delay, like an overloaded server. */
  public void saveResponseDelay(Duration delay) {
    this.saveResponseDelay = delay;
  }

  /** Expires, right now, every session idle for at least this long, as the EMR's timeout would. */
  public void expireSessionsIdleFor(Duration idle) {
    Instant limit = Instant.now().minus(idle);
    sessions.values().removeIf(last -> last.isBefore(limit));
  }

  /** Ends every session, as a restart of the EMR would. */
  public void logoutEveryone() {
    sessions.clear();
    logins.set(0);
  }

  /**
   * Forgets records, uploads and test switches so that each test starts from the same EMR. Sessions
   * survive, as they would in a real EMR, so a robot that kept its login need not log in again.
   */
  public void reset() {
    records.clear();
    uploads.clear();
    registrations.clear();
    logoutOnNextVisit.clear();
    logoutOnEveryVisit.clear();
    logins.set(0);
    sessionTtl = Duration.ofMinutes(20);
    saveResponseDelay = Duration.ZERO;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Map<String, String> query = parseForm(ex.getRequestURI().getRawQuery());
      boolean post = "POST".equals(ex.getRequestMethod());
      if (path.equals("/login")) {
        if (post) {
          doLogin(ex);
        } else {
          send(ex, 200, loginPage(query.containsKey("expired") ? "セッションの有効期限が切れました。再度ログインしてください。" : null));
        }
        return;
      }
      if (logoutOnEveryVisit.contains(path) || logoutOnNextVisit.remove(path)) {
        sessionId(ex).ifPresent(sessions::remove);
      }
      if (!loggedIn(ex)) {
        redirect(ex, "/login?expired=1");
        return;
      }
      switch (path) {
        case "/", "/patients" -> send(ex, 200, patientsPage(query.getOrDefault("q", "")));
        case "/patients/new" -> {
          if (post) {
            registerPatient(ex);
          } else {
            send(ex, 200, registrationPage(null));
          }
        }
        case "/chart" -> withPatient(ex, query, p -> chartPage(p, query.containsKey("saved"), query.containsKey("registered")));
        case "/monshin/new" -> withPatient(ex, query, this::monshinForm);
        case "/monshin" -> saveMonshin(ex);
        case "/documents" -> {
          if (post) {
            saveUpload(ex, query.getOrDefault("id", ""));
          } else {
            withPatient(ex, query, this::documentsPage);
          }
        }
        case "/export" -> withPatient(ex, query, null);
        case "/insurance" -> withPatient(ex, query, this::insurancePage);
        case "/insurance/frame" -> withPatient(ex, query, this::insuranceFrame);
        case "/labs" -> withPatient(ex, query, p -> labsPage(p, query.getOrDefault("ms", "500")));
        case "/summary" -> withPatient(ex, query, this::summaryPage);
        case "/api/labs" -> labsJson(ex, query);
        case "/print" -> withPatient(ex, query, p -> page(p.name + " 印刷プレビュー", "<h1>印刷プレビュー</h1><p id=\"print-name\">" + esc(p.name) + "</p>"));
        case "/slow" -> slowPage(ex, query);
        default -> send(ex, 404, page("見つかりません", "<p>ページが見つかりません。</p>"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface PageFor {
    String render(Patient p);
  }

  private void withPatient(HttpExchange ex, Map<String, String> query, PageFor page)
      throws IOException {
    Patient p = patients().stream().filter(x -> x.id.equals(query.get("id"))).findFirst().orElse(null);
    if (p == null) {
      send(ex, 404, page("患者が見つかりません", "<p class=\"error\">患者が見つかりません。</p>"));
    } else if (page == null) {
      byte[] csv = ("患者ID,氏名,生年月日\r\n" + p.id + "," + p.name + "," + p.birthDate + "\r\n")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/csv; charset=UTF-8");
      ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"chart-" + p.id + ".csv\"");
      ex.sendResponseHeaders(200, csv.length);
      ex.getResponseBody().write(csv);
    } else {
      send(ex, 200, page.render(p));
    }
  }

  private void doLogin(HttpExchange ex) throws IOException {
    Map<String, String> form = parseForm(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (USER.equals(form.get("user")) && PASSWORD.equals(form.get("password"))) {
      byte[] id = new byte[16];
      random.nextBytes(id);
      String sid = HexFormat.of().formatHex(id);
      sessions.put(sid, Instant.now());
      logins.incrementAndGet();
      ex.getResponseHeaders().add("Set-Cookie", "SID=" + sid + "; Path=/; HttpOnly");
      redirect(ex, "/patients");
    } else {
      send(ex, 200, loginPage("利用者IDまたはパスワードが違います。"));
    }
  }

  private boolean loggedIn(HttpExchange ex) {
    return sessionId(ex)
        .map(sid -> {
          Instant last = sessions.get(sid);
          if (last == null || last.plus(sessionTtl).isBefore(Instant.now())) {
            sessions.remove(sid);
            return false;
          }
          sessions.put(sid, Instant.now());
          return true;
        })
        .orElse(false);
  }

  private static java.util.Optional<String> sessionId(HttpExchange ex) {
    List<String> cookies = ex.getRequestHeaders().getOrDefault("Cookie", List.of());
    for (String header : cookies) {
      for (String c : header.split(";")) {
        String t = c.trim();
        if (t.startsWith("SID=")) {
          return java.util.Optional.of(t.substring(4));
        }
      }
    }
    return java.util.Optional.empty();
  }

  private String loginPage(String message) {
    return page("ログイン",
        "<h1>サンドボックス電子カルテ ログイン</h1>"
            + (message == null ? "" : "<p class=\"error\" id=\"login-message\">" + esc(message) + "</p>")
            + "<form id=\"login-form\" method=\"post\" action=\"/login\">"
            + "<div><label for=\"user\">利用者ID</label><input id=\"user\" name=\"user\" autocomplete=\"off\"></div>"
            + "<div><label for=\"pw\">パスワード</label><input id=\"pw\" name=\"password\" type=\"password\"></div>"
            + "<button type=\"submit\">ログイン</button></form>");
  }

  private String patientsPage(String q) {
    StringBuilder body = new StringBuilder("<h1>患者検索</h1>"
        + "<form method=\"get\" action=\"/patients\" role=\"search\">"
        + "<label>氏名・患者ID<input name=\"q\" value=\"" + esc(q) + "\"></label>"
        + "<button type=\"submit\">検索</button></form>");
    if (!q.isBlank()) {
      List<Patient> hits = patients().stream()
          .filter(p -> p.id.equalsIgnoreCase(q) || p.name.replace(" ", "").contains(q.replace(" ", "").replace("　", ""))
              || p.kana.contains(q))
          .toList();
      if (hits.isEmpty()) {
        body.append("<p id=\"no-hit\">該当する患者はいません。</p>");
      } else {
        body.append("<table id=\"results\"><thead><tr><th>患者ID</th><th>氏名</th><th>生年月日</th><th>性別</th></tr></thead><tbody>");
        for (Patient p : hits) {
          body.append("<tr><td>").append(p.id).append("</td><td><a href=\"/chart?id=").append(p.id).append("\">")
              .append(esc(p.name)).append("</a></td><td>").append(p.birthDate).append("</td><td>")
              .append(p.sex).append("</td></tr>");
        }
        body.append("</tbody></table>");
      }
    }
    return page("患者検索", body.toString());
  }

  private List<Patient> patients() {
    List<Patient> all = new java.util.ArrayList<>(PATIENTS);
    registrations.forEach(r -> all.add(new Patient(r.patientId, r.name, r.kana, r.birthDate, r.sex)));
    return all;
  }

  private String registrationPage(String error) {
    return page("新患登録",
        "<h1>新患登録</h1>" + (error == null ? "" : "<p class=\"error\" id=\"registration-error\">" + esc(error) + "</p>")
            + "<form id=\"registration-form\" method=\"post\" action=\"/patients/new\" onsubmit=\"return confirm('この患者を登録しますか？')\">"
            + "<div><label for=\"name\">氏名</label><input id=\"name\" name=\"name\"></div>"
            + "<div><label for=\"kana\">フリガナ</label><input id=\"kana\" name=\"kana\"></div>"
            + "<div><label for=\"birth\">生年月日（西暦 yyyy-mm-dd）</label><input id=\"birth\" name=\"birthDate\"></div>"
            + "<div><label for=\"sex\">性別</label><select id=\"sex\" name=\"sex\"><option value=\"\">選択してください</option>"
            + "<option value=\"男\">男性</option><option value=\"女\">女性</option><option value=\"不明\">不明</option></select></div>"
            + "<div><label for=\"phone\">電話番号</label><input id=\"phone\" name=\"phone\"></div>"
            + "<button type=\"submit\">登録</button> <a href=\"/patients\">キャンセル</a></form>");
  }

  private void registerPatient(HttpExchange ex) throws IOException {
    Map<String, String> form = parseForm(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String name = form.getOrDefault("name", "").strip();
    String birthDate = form.getOrDefault("birthDate", "").strip();
    String sex = form.getOrDefault("sex", "");
    if (name.isEmpty() || !birthDate.matches("\\d{4}-\\d{2}-\\d{2}") || sex.isEmpty()) {
      send(ex, 400, registrationPage("氏名・生年月日（yyyy-mm-dd）・性別は必須です。"));
      return;
    }
    // Like most EMRs it registers the same person twice if asked: finding them first is the robot's job.
    String id = "P" + nextPatientNo.getAndIncrement();
    registrations.add(new Registration(id, name, form.getOrDefault("kana", "").strip(), birthDate, sex,
        form.getOrDefault("phone", "").strip()));
    redirect(ex, "/chart?id=" + id + "&registered=1");
  }

  private String chartPage(Patient p, boolean saved, boolean registered) {
    StringBuilder body = new StringBuilder("<h1>カルテ</h1>");
    if (registered) {
      body.append("<p class=\"notice\" id=\"registered\">患者を登録しました。</p>");
    }
    if (saved) {
      body.append("<p class=\"notice\" id=\"saved\">問診を登録しました。</p>");
    }
    body.append("<dl><dt>患者ID</dt><dd id=\"patient-id\">").append(p.id)
        .append("</dd><dt>氏名</dt><dd id=\"patient-name\">").append(esc(p.name))
        .append("</dd><dt>生年月日</dt><dd>").append(p.birthDate).append("</dd></dl>")
        .append("<nav><a href=\"/monshin/new?id=").append(p.id).append("\">問診入力</a> ")
        .append("<a href=\"/documents?id=").append(p.id).append("\">文書取込</a> ")
        .append("<a href=\"/insurance?id=").append(p.id).append("\">保険確認</a> ")
        .append("<a href=\"/labs?id=").append(p.id).append("\">検査結果</a> ")
        .append("<a href=\"/export?id=").append(p.id).append("\">CSV出力</a> ")
        .append("<a href=\"/print?id=").append(p.id).append("\" target=\"_blank\">印刷プレビュー</a> ")
        .append("<a href=\"/labs?id=").append(p.id).append("&amp;ms=2000\" target=\"_blank\">検査結果（別ウィンドウ）</a></nav>")
        .append("<h2>問診記録</h2><table id=\"monshin\"><thead><tr><th>受付番号</th><th>主訴</th><th>発症</th><th>アレルギー</th><th>登録日時</th></tr></thead><tbody>");
    for (MonshinRecord r : records) {
      if (r.patientId.equals(p.id)) {
        body.append("<tr><td>").append(esc(r.receiptNo)).append("</td><td>").append(esc(r.chiefComplaint))
            .append("</td><td>").append(esc(r.onset)).append("</td><td>").append(r.allergy ? "あり" : "なし")
            .append("</td><td>").append(r.savedAt).append("</td></tr>");
      }
    }
    body.append("</tbody></table>");
    return page(p.name + " カルテ", body.toString());
  }

  private String monshinForm(Patient p) {
    return page("問診入力",
        "<h1>問診入力</h1><p>患者: <span id=\"patient-name\">" + esc(p.name) + "</span></p>"
            + "<form id=\"monshin-form\" method=\"post\" action=\"/monshin\" onsubmit=\"return confirm('この内容で登録しますか？')\">"
            + "<input type=\"hidden\" name=\"id\" value=\"" + p.id + "\">"
            + "<div><label for=\"receipt\">受付番号</label><input id=\"receipt\" name=\"receiptNo\"></div>"
            + "<div><label for=\"cc\">主訴</label><textarea id=\"cc\" name=\"chiefComplaint\"></textarea></div>"
            + "<div><label for=\"onset\">発症時期</label><select id=\"onset\" name=\"onset\">"
            + "<option value=\"\">選択してください</option><option>今日</option><option>昨日</option>"
            + "<option>1週間以内</option><option>1か月以内</option><option>それ以前</option></select></div>"
            + "<div><input type=\"checkbox\" id=\"allergy\" name=\"allergy\" value=\"1\"><label for=\"allergy\">アレルギーあり</label></div>"
            + "<div><label for=\"note\">備考</label><textarea id=\"note\" name=\"note\"></textarea></div>"
            + "<button type=\"submit\">登録</button> <a href=\"/chart?id=" + p.id + "\">キャンセル</a></form>");
  }

  private void saveMonshin(HttpExchange ex) throws IOException, InterruptedException {
    Map<String, String> form = parseForm(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String id = form.getOrDefault("id", "");
    String cc = form.getOrDefault("chiefComplaint", "").strip();
    if (cc.isEmpty()) {
      send(ex, 400, page("入力エラー", "<p class=\"error\">主訴は必須です。</p>"));
      return;
    }
    // Like most EMRs it happily stores the same 問診 twice: preventing duplicates is the robot's job.
    records.add(new MonshinRecord(id, form.getOrDefault("receiptNo", ""), cc, form.getOrDefault("onset", ""),
        form.containsKey("allergy"), form.getOrDefault("note", ""),
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
    Duration delay = saveResponseDelay;
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    redirect(ex, "/chart?id=" + id + "&saved=1");
  }

  private String documentsPage(Patient p) {
    StringBuilder body = new StringBuilder("<h1>文書取込</h1><p>患者: " + esc(p.name) + "</p>"
        + "<form method=\"post\" action=\"/documents?id=" + p.id + "\" enctype=\"multipart/form-data\">"
        + "<label for=\"file\">ファイル</label><input type=\"file\" id=\"file\" name=\"file\">"
        + "<button type=\"submit\">取込</button></form><ul id=\"documents\">");
    for (Upload u : uploads) {
      if (u.patientId.equals(p.id)) {
        body.append("<li>").append(esc(u.fileName)).append(" (").append(u.size).append(" バイト)</li>");
      }
    }
    return page("文書取込", body.append("</ul>").toString());
  }

  private void saveUpload(HttpExchange ex, String patientId) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    byte[] body = ex.getRequestBody().readAllBytes();
    String boundary = type == null ? "" : type.replaceFirst(".*boundary=", "");
    // ISO-8859-1 maps bytes 1:1 to chars, so offsets found in the string are byte offsets.
    String raw = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : raw.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int nameAt = part.indexOf("filename=\"");
      int headerEnd = part.indexOf("\r\n\r\n");
      if (nameAt < 0 || headerEnd < 0) {
        continue;
      }
      String fileName = new String(part.substring(nameAt + 10, part.indexOf('"', nameAt + 10))
          .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      int size = part.length() - headerEnd - 4 - 2;
      if (!fileName.isEmpty()) {
        uploads.add(new Upload(patientId, fileName, Math.max(size, 0)));
      }
    }
    redirect(ex, "/documents?id=" + patientId);
  }

  private String insurancePage(Patient p) {
    return page("保険確認", "<h1>保険確認</h1><p>患者: " + esc(p.name) + "</p>"
        + "<iframe id=\"insurance-frame\" title=\"資格確認\" src=\"/insurance/frame?id=" + p.id + "\" width=\"600\" height=\"200\"></iframe>");
  }

  private String insuranceFrame(Patient p) {
    String number = "0613" + p.id.substring(1);
    return page("資格確認",
        "<p>保険者番号: <span id=\"insurer\">" + number + "</span></p>"
            + "<button type=\"button\" onclick=\"document.getElementById('status').textContent='資格有効'\">資格確認</button>"
            + "<p>状態: <span id=\"status\">未確認</span></p>");
  }

  /** What a referral letter needs from the chart, for the patients that have it (fictitious). */
  private record Summary(
      String address,
      String phone,
      String occupation,
      List<List<String>> diagnoses,
      List<List<String>> prescriptions,
      String allergies,
      String history,
      String familyHistory,
      String course,
      String treatment,
      List<List<String>> results) {}

  private static final Map<String, Summary> SUMMARIES = Map.of(
      "P0001", new Summary("東京都架空区見本町1-2-3", "03-1234-5678", "会社員",
          List.of(List.of("2型糖尿病", "2015-04-01", "継続"), List.of("高血圧症", "2018-09-10", "継続"),
              List.of("糖尿病性腎症の疑い", "2026-10-01", "疑い")),
          List.of(List.of("メトホルミン塩酸塩錠500mg", "1回1錠 1日2回 朝夕食後", "28日分"),
              List.of("アムロジピン錠5mg", "1回1錠 1日1回 朝食後", "28日分")),
          "ペニシリン系抗菌薬（発疹）",
          "2010年 虫垂炎手術",
          "父: 2型糖尿病、母: 高血圧症",
          "半年前より尿蛋白が持続し、直近の検査で eGFR の低下を認めた。",
          "食事療法と内服治療を継続し、HbA1c は 7% 前後で推移している。",
          List.of(List.of("2026-10-01", "HbA1c", "7.2", "%"), List.of("2026-10-01", "eGFR", "52", "mL/分/1.73m2"),
              List.of("2026-10-01", "尿蛋白", "2+", ""))),
      "P0002", new Summary("大阪府架空市試験町4-5-6", "06-9876-5432", "教員",
          List.of(List.of("気管支喘息", "2005-06-01", "継続")),
          List.of(List.of("フルチカゾン吸入", "1回1吸入 1日2回", "30日分")),
          "なし", "特記事項なし", "特記事項なし", "季節の変わり目に発作が増える。", "吸入ステロイドを継続中。",
          List.of()));

  private String summaryPage(Patient p) {
    Summary s = SUMMARIES.getOrDefault(p.id,
        new Summary("", "", "", List.of(), List.of(), "記録なし", "記録なし", "記録なし", "記録なし", "記録なし", List.of()));
    return page(p.name + " サマリー", "<h1>患者サマリー</h1><dl>"
        + "<dt>患者ID</dt><dd id=\"patient-id\">" + p.id + "</dd>"
        + "<dt>氏名</dt><dd id=\"patient-name\">" + esc(p.name) + "</dd>"
        + "<dt>カナ</dt><dd id=\"patient-kana\">" + esc(p.kana) + "</dd>"
        + "<dt>生年月日</dt><dd id=\"birth-date\">" + p.birthDate + "</dd>"
        + "<dt>性別</dt><dd id=\"sex\">" + p.sex + "</dd>"
        + "<dt>住所</dt><dd id=\"address\">" + esc(s.address) + "</dd>"
        + "<dt>電話番号</dt><dd id=\"phone\">" + esc(s.phone) + "</dd>"
        + "<dt>職業</dt><dd id=\"occupation\">" + esc(s.occupation) + "</dd></dl>"
        + "<h2>病名</h2>" + table("diagnoses", List.of("傷病名", "開始日", "状態"), s.diagnoses)
        + "<h2>処方</h2>" + table("prescriptions", List.of("薬剤", "用法", "日数"), s.prescriptions)
        + "<h2>アレルギー</h2><p id=\"allergies\">" + esc(s.allergies) + "</p>"
        + "<h2>既往歴</h2><p id=\"history\">" + esc(s.history) + "</p>"
        + "<h2>家族歴</h2><p id=\"family-history\">" + esc(s.familyHistory) + "</p>"
        + "<h2>経過</h2><p id=\"course\">" + esc(s.course) + "</p>"
        + "<h2>治療</h2><p id=\"treatment\">" + esc(s.treatment) + "</p>"
        + "<h2>検査結果</h2>" + table("results", List.of("検査日", "項目", "値", "単位"), s.results));
  }

  private static String table(String id, List<String> header, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table id=\"" + id + "\"><thead><tr>");
    header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
      html.append("</tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  /** Results that arrive late: fetched 300 ms after load, answered {@code ms} later (a slow lab system). */
  private String labsPage(Patient p, String ms) {
    return page("検査結果", "<h1>検査結果</h1><table id=\"labs\"><thead><tr><th>項目</th><th>値</th><th>単位</th></tr></thead><tbody></tbody></table>"
        + "<script>setTimeout(function(){fetch('/api/labs?id=" + p.id + "&ms=" + Long.parseLong(ms) + "').then(function(r){return r.json()}).then(function(rows){"
        + "var tb=document.querySelector('#labs tbody');rows.forEach(function(x){var tr=document.createElement('tr');"
        + "[x.item,x.value,x.unit].forEach(function(v){var td=document.createElement('td');td.textContent=v;tr.appendChild(td)});tb.appendChild(tr)})})},300);</script>");
  }

  private void labsJson(HttpExchange ex, Map<String, String> query) throws IOException, InterruptedException {
    Thread.sleep(Math.min(Long.parseLong(query.getOrDefault("ms", "500")), 30_000));
    byte[] json = "[{\"item\":\"HbA1c\",\"value\":\"6.1\",\"unit\":\"%\"},{\"item\":\"血糖\",\"value\":\"104\",\"unit\":\"mg/dL\"}]"
        .getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(200, json.length);
    ex.getResponseBody().write(json);
  }

  private void slowPage(HttpExchange ex, Map<String, String> query) throws IOException, InterruptedException {
    // Bounded so that a test that forgets a timeout still ends.
    long ms = Math.min(Long.parseLong(query.getOrDefault("ms", "3000")), 30_000);
    Thread.sleep(ms);
    send(ex, 200, page("遅いページ", "<p id=\"slow-done\">読み込み完了</p>"));
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>" + esc(title)
        + " - サンドボックス電子カルテ</title></head><body><header>サンドボックス電子カルテ（テスト用・架空データ）</header>"
        + body + "</body></html>";
  }

  private static void send(HttpExchange ex, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(303, -1);
  }

  private static Map<String, String> parseForm(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
