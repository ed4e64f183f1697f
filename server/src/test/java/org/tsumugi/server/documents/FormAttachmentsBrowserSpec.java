package org.tsumugi.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.server.web.Json;
import org.tsumugi.server.web.WebSpec;

/**
 * A form's file picker stores what a person attaches in Tsumugi's document store, and the process gets
 * the store's references: proven with the referral workflow's own request form and model.
 */
class FormAttachmentsBrowserSpec extends WebSpec {
  private static final Path MODELS = Path.of("..");

  @Autowired
  DocumentStore store;

  @TempDir
  Path files;

  @BeforeEach
  void deployTheReferralWorkflow() throws IOException {
    client.newDeployResourceCommand()
        .addResourceFile(MODELS.resolve("bpmn/referral-letter.bpmn").toString())
        .addResourceFile(MODELS.resolve("forms/referral-request.form").toString()).send().join();
  }

  @Test
  void anAttachedPdfBecomesADocumentReferenceInTheNewInstance() throws Exception {
    byte[] pdf = TestPdf.withText("Blood test report");
    Path report = Files.write(files.resolve("検査報告書.pdf"), pdf);

    browser.login("owner");
    fillTheRequest(report);
    browser.find("#form-submit").click();
    browser.waitUntil(d -> browser.path().matches("/processes/instances/\\d+"), "the instance page");
    long instance = Long.parseLong(browser.path().replaceAll("\\D", ""));

    String value = client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("attachments"))
        .send().join().items().get(0).getValue();
    List<?> attachments = (List<?>) Json.read(value);
    assertThat(attachments).hasSize(1);
    Map<?, ?> reference = (Map<?, ?>) attachments.get(0);
    assertThat(reference.get("name")).isEqualTo("検査報告書.pdf");
    assertThat(reference.get("contentType")).isEqualTo("application/pdf");
    assertThat(reference.get("sha256")).isEqualTo(HexFormat.of().formatHex(sha256(pdf)));
    try (var stored = store.open((String) reference.get("id"))) {
      assertThat(stored.readAllBytes()).isEqualTo(pdf);
    }
    // and the instance page previews what was attached
    browser.waitUntil(d -> "1".equals(browser.find(".pdf-preview").getAttribute("data-rendered")), "the preview");
  }

  @Test
  void aFileThatIsNeitherPdfNorImageIsRefusedAndNothingStarts() throws IOException {
    Path text = Files.writeString(files.resolve("report.pdf"), "not really a PDF", StandardCharsets.UTF_8);
    long before = instances();

    browser.login("owner");
    fillTheRequest(text);
    browser.find("#form-submit").click();
    assertThat(browser.await("#form-message").getText()).contains("report.pdf", "PDF または画像");
    assertThat(instances()).isEqualTo(before);
  }

  /** Attaches first: form-js takes typed text a moment later, and a re-render before that would drop it. */
  private void fillTheRequest(Path attachment) {
    browser.open("/processes/referral-letter/start");
    browser.await("#start-form [id$='-PatientId']");
    browser.find("#start-form input[type=file]").sendKeys(attachment.toString());
    browser.find("#start-form [id$='-PatientId']").sendKeys("P0001");
    browser.find("#start-form [id$='-RequestingDoctor']").sendKeys("doctor");
    browser.find("#start-form [id$='-DestinationInstitution']").sendKeys("つむぎ総合病院");
    browser.find("#start-form textarea").sendKeys("精査のため");
  }

  private long instances() {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("referral-letter")).send()
        .join().items().size();
  }

  private static byte[] sha256(byte[] content) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(content);
  }
}
