package org.tsumugi.browser.vault;

import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vault's admin API. It can write and delete secrets and list their names, but has no way to
 * read a value back: an administrator who forgot a password sets a new one. The server must
 * restrict {@code /admin/**} to administrators.
 */
@RestController
@RequestMapping("/admin/vault/secrets")
public class VaultAdminController {

  private final CredentialVault vault;

  public VaultAdminController(CredentialVault vault) {
    this.vault = vault;
  }

  @GetMapping
  Set<String> names() {
    return vault.names();
  }

  @PutMapping("/{name}")
  ResponseEntity<Void> put(@PathVariable String name, @RequestBody Map<String, String> body) {
    vault.put(name, body.get("value"));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(@PathVariable String name) {
    return vault.delete(name) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }
}
