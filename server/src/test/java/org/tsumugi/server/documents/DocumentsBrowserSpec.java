package org.tsumugi.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;
import org.tsumugi.server.web.WebSpec;

/**
 * Documents and robot screenshots under the login: the people who may see a task or instance see its
 * PDF drawn on the page and its screenshots; anyone else is refused, and every view is audited.
 */
class DocumentsBrowserSpec extends WebSpec {
  @Autowired
  DocumentStore store;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aClerkSeesTheTasksPdfAndTheRobotsScreenshotAndTheViewIsAudited() throws IOException {
    StoredDocument letter = store.store(new ByteArrayInputStream(TestPdf.withText("Referral letter draft")),
        "letter.pdf", null);
    StoredDocument shot = store.store(new ByteArrayInputStream(png()), "01-emr.png", null);
    long task = waitingTask("docs-preview", "clerks", Map.of("letter", letter.reference().toVariable(),
        "browserEvidence", Map.of("stepLog", "document:none/steps.json",
            "screenshots", List.of("document:" + shot.id() + "/01-emr.png"))));

    browser.login("clerk");
    browser.open("/inbox/tasks/" + task);
    browser.waitUntil(d -> "1".equals(browser.find(".pdf-preview").getAttribute("data-rendered")),
        "the PDF is drawn");
    assertThat(inkOnFirstPage()).as("the drawn page is not blank").isTrue();
    assertThat(browser.script("const i = document.querySelector('#evidence img');"
        + " return i.complete && i.naturalWidth;")).isEqualTo(64L);
    browser.screenshot("task-documents");

    assertThat(jdbc.queryForList("SELECT target FROM audit_log WHERE actor = 'clerk' AND action = 'VIEW'",
        String.class)).contains("document:" + letter.id(), "evidence:document:" + shot.id() + "/01-emr.png");
  }

  @Test
  void aPersonOfAnotherGroupOrRoleIsRefusedAndNothingLeaks() throws IOException {
    StoredDocument letter = store.store(new ByteArrayInputStream(TestPdf.withText("Secret")), "secret.pdf", null);
    StoredDocument other = store.store(new ByteArrayInputStream(TestPdf.withText("Other")), "other.pdf", null);
    long task = waitingTask("docs-refused", "clerks", Map.of("letter", letter.reference().toVariable(),
        "browserEvidence", Map.of("stepLog", "x", "screenshots", List.of("document:" + letter.id() + "/a.png"))));
    String document = "/inbox/tasks/" + task + "/documents/" + letter.id();

    browser.login("nurse");
    assertThat(status(document)).isEqualTo(403);
    assertThat(status("/inbox/tasks/" + task + "/evidence/0")).isEqualTo(403);
    assertThat(status("/inbox/tasks/" + task)).isEqualTo(403);
    assertThat(status("/api/documents/" + letter.id())).as("the store's own API is not the way in").isEqualTo(403);
    assertThat(status("/processes/instances/1/documents/" + letter.id())).isEqualTo(403);

    browser.login("clerk");
    assertThat(status(document)).isEqualTo(200);
    assertThat(status("/inbox/tasks/" + task + "/documents/" + other.id()))
        .as("a document the task does not name").isEqualTo(404);
    assertThat(status("/inbox/tasks/" + task + "/evidence/1")).isEqualTo(404);
    assertThat(jdbc.queryForList("SELECT target FROM audit_log WHERE actor = 'nurse' AND action = 'VIEW'",
        String.class)).noneMatch(target -> target.contains(letter.id()));
  }

  @Test
  void theProcessOwnerSeesThePdfOnTheInstancePage() throws IOException {
    StoredDocument letter = store.store(new ByteArrayInputStream(TestPdf.withText("Instance letter")),
        "letter.pdf", null);
    long task = waitingTask("docs-instance", "clerks", Map.of("letter", letter.reference().toVariable()));
    long instance = client.newUserTaskGetRequest(task).send().join().getProcessInstanceKey();

    browser.login("owner");
    browser.open("/processes/instances/" + instance);
    browser.waitUntil(d -> "1".equals(browser.find(".pdf-preview").getAttribute("data-rendered")),
        "the PDF is drawn");
    assertThat(inkOnFirstPage()).isTrue();
  }

  private long waitingTask(String process, String group, Map<String, Object> variables) {
    deploy(Bpmn.createExecutableProcess(process).startEvent()
        .userTask("review", t -> t.name("文書の確認").zeebeUserTask().zeebeCandidateGroups(group)).endEvent().done(),
        process + ".bpmn");
    long instance = start(process, variables);
    await(() -> !client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)
        .state(UserTaskState.CREATED)).send().join().items().isEmpty(), "the task waits");
    return client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items()
        .get(0).getUserTaskKey();
  }

  /** The HTTP status the logged-in browser gets for a path, asked from the page itself (same session). */
  private long status(String path) {
    return (Long) browser.script("return fetch(arguments[0], {redirect: 'manual'}).then(r => r.status);", path);
  }

  private boolean inkOnFirstPage() {
    return (Boolean) browser.script("const c = document.querySelector('.pdf-preview canvas');"
        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + " for (let i = 0; i < d.length; i += 4) { if (d[i] < 128 && d[i + 3] > 0) return true; } return false;");
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 64, 48);
    g.setColor(Color.BLUE);
    g.fillRect(8, 8, 20, 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
