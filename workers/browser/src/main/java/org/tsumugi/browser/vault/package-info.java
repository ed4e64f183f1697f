/**
 * The credential vault: passwords the robots type into target systems, encrypted at rest with
 * AES-GCM (BouncyCastle) under a key that lives outside the vault file. Scenarios name a secret
 * ({@code {{secret:name}}}); its value is only ever decrypted to be typed, never logged and never
 * put into process variables.
 */
package org.tsumugi.browser.vault;
