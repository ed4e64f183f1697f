package org.tsumugi.server.security;

import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Matches the person the provider vouches for to an active Tsumugi user, by username claim and then
 * by email, and gives them that user's roles; anyone else is refused.
 */
class OidcUserMatcher implements OAuth2UserService<OidcUserRequest, OidcUser> {
  private final OidcUserService provider = new OidcUserService();
  private final UserRepository users;
  private final OidcSettings settings;

  OidcUserMatcher(UserRepository users, OidcSettings settings) {
    this.users = users;
    this.settings = settings;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser person = provider.loadUser(request);
    String claimed = person.getClaimAsString(settings.usernameClaim());
    Optional<UserAccount> user = Optional.ofNullable(claimed).flatMap(users::find)
        .or(() -> Optional.ofNullable(person.getEmail()).flatMap(users::findByEmail))
        .filter(UserAccount::active);
    if (user.isEmpty()) {
      throw new OAuth2AuthenticationException(new OAuth2Error("unknown_user",
          "no active Tsumugi user matches this login", null));
    }
    UserAccount account = user.get();
    return new DefaultOidcUser(UserDetailsLookup.authorities(account), person.getIdToken(), person.getUserInfo()) {
      @Override
      public String getName() {
        return account.username();
      }
    };
  }
}
