package org.tsumugi.browser.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Secrets are sealed at rest, bound to their names and key, and never readable through the API. */
class CredentialVaultTest {

  @TempDir
  Path dir;

  @Test
  void aSecretComesBackOnlyWithTheKeyAndIsNotInTheFile() throws Exception {
    VaultKey key = VaultKey.generate();
    CredentialVault vault = CredentialVault.open(dir.resolve("vault.json"), key);
    vault.put("emr.password", "秘密のパスワード-123");

    String onDisk = Files.readString(dir.resolve("vault.json"), StandardCharsets.UTF_8);
    assertThat(onDisk).doesNotContain("秘密のパスワード").doesNotContain("123").contains("emr.password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vault.json")))).isEqualTo("rw-------");
    assertThat(CredentialVault.open(dir.resolve("vault.json"), key).reveal("emr.password")).isEqualTo("秘密のパスワード-123");
    assertThatThrownBy(() -> CredentialVault.open(dir.resolve("vault.json"), VaultKey.generate()).reveal("emr.password"))
        .hasMessageContaining("復号できません");
  }

  @Test
  void theSameSecretIsSealedDifferentlyEachTime() throws Exception {
    CredentialVault vault = CredentialVault.open(dir.resolve("vault.json"), VaultKey.generate());
    vault.put("a", "same");
    String first = Files.readString(dir.resolve("vault.json"), StandardCharsets.UTF_8);
    vault.put("a", "same");

    assertThat(Files.readString(dir.resolve("vault.json"), StandardCharsets.UTF_8)).isNotEqualTo(first);
  }

  @Test
  void aSealedValueMovedToAnotherNameFailsToOpen() throws Exception {
    VaultKey key = VaultKey.generate();
    CredentialVault vault = CredentialVault.open(dir.resolve("vault.json"), key);
    vault.put("emr-a.password", "for-a");
    vault.put("emr-b.password", "for-b");
    String json = Files.readString(dir.resolve("vault.json"), StandardCharsets.UTF_8);
    String sealedA = json.replaceAll("(?s).*\"emr-a.password\" : \"([^\"]+)\".*", "$1");
    String sealedB = json.replaceAll("(?s).*\"emr-b.password\" : \"([^\"]+)\".*", "$1");
    Files.writeString(dir.resolve("vault.json"), json.replace(sealedB, sealedA), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CredentialVault.open(dir.resolve("vault.json"), key).reveal("emr-b.password"))
        .hasMessageContaining("改ざん");
  }

  @Test
  void printingTheVaultOrItsKeyShowsNoSecret() {
    VaultKey key = VaultKey.generate();
    CredentialVault vault = CredentialVault.open(dir.resolve("vault.json"), key);
    vault.put("emr.password", "do-not-print");

    assertThat(vault.toString()).doesNotContain("do-not-print");
    assertThat(key.toString()).isEqualTo("VaultKey[****]");
  }

  @Nested
  class TheKey {

    @Test
    void comesFromTheEnvironmentVariableFirst() {
      VaultKey key = VaultKey.generate();
      Path file = dir.resolve("key");
      VaultKey.generate().writeFile(file);
      String base64 = Base64.getEncoder().encodeToString(key.bytes());

      assertThat(VaultKey.fromEnvironment(Map.of(VaultKey.ENV, base64, VaultKey.ENV_FILE, file.toString()))).isEqualTo(key);
    }

    @Test
    void orFromAFileOnlyItsOwnerCanRead() throws Exception {
      VaultKey key = VaultKey.generate();
      Path file = dir.resolve("key");
      key.writeFile(file);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(VaultKey.fromEnvironment(Map.of(VaultKey.ENV_FILE, file.toString()))).isEqualTo(key);
    }

    @Test
    void refusesAFileOthersCanRead() throws Exception {
      Path file = dir.resolve("key");
      VaultKey.generate().writeFile(file);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

      assertThatThrownBy(() -> VaultKey.fromFile(file)).hasMessageContaining("所有者以外も読めます").hasMessageContaining("chmod 600");
    }

    @Test
    void saysWhatToSetWhenThereIsNone() {
      assertThatThrownBy(() -> VaultKey.fromEnvironment(Map.of()))
          .hasMessageContaining(VaultKey.ENV).hasMessageContaining(VaultKey.ENV_FILE);
    }

    @Test
    void mustBe256Bits() {
      assertThatThrownBy(() -> VaultKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
          .hasMessageContaining("32 バイト");
    }
  }

  @Nested
  class AdminApi {

    private CredentialVault vault;
    private MockMvc mvc;

    @BeforeEach
    void start() {
      vault = CredentialVault.open(dir.resolve("vault.json"), VaultKey.generate());
      mvc = MockMvcBuilders.standaloneSetup(new VaultAdminController(vault)).build();
    }

    @Test
    void storesListsByNameAndDeletesButNeverReturnsAValue() throws Exception {
      mvc.perform(put("/admin/vault/secrets/emr.password").contentType(MediaType.APPLICATION_JSON)
              .content("{\"value\":\"s3cret-値\"}"))
          .andExpect(status().isNoContent());
      assertThat(vault.reveal("emr.password")).isEqualTo("s3cret-値");

      String listing = mvc.perform(get("/admin/vault/secrets")).andExpect(status().isOk())
          .andExpect(content().json("[\"emr.password\"]")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(listing).doesNotContain("s3cret");
      mvc.perform(get("/admin/vault/secrets/emr.password")).andExpect(status().is4xxClientError());

      mvc.perform(delete("/admin/vault/secrets/emr.password")).andExpect(status().isNoContent());
      mvc.perform(delete("/admin/vault/secrets/emr.password")).andExpect(status().isNotFound());
      assertThat(vault.names()).isEmpty();
    }

    @Test
    void rejectsABadNameOrAnEmptyValueWithAJapaneseMessage() throws Exception {
      mvc.perform(put("/admin/vault/secrets/Bad Name").contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"x\"}"))
          .andExpect(status().isBadRequest());
      mvc.perform(put("/admin/vault/secrets/ok").contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(content().json("{\"message\":\"秘密情報の値が空です\"}"));
    }
  }
}
