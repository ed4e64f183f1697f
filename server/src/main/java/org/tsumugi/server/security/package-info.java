/**
 * Users, roles and groups; login with password and an authenticator app (TOTP), optional OIDC,
 * lock-out, and who may open which route.
 */
package org.tsumugi.server.security;
