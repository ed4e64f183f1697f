package org.tsumugi.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Spring Security's view of a stored user: deactivated users are disabled, locked ones locked. */
class UserDetailsLookup implements UserDetailsService {
  private final UserRepository users;
  private final Clock clock;

  UserDetailsLookup(UserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount user = users.find(username).filter(u -> u.passwordHash() != null)
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return User.withUsername(user.username()).password(user.passwordHash()).disabled(!user.active())
        .accountLocked(user.lockedAt(Instant.now(clock))).authorities(authorities(user)).build();
  }

  /** Roles as ROLE_ authorities and groups (the BPMN candidate groups) as GROUP_ authorities. */
  static List<GrantedAuthority> authorities(UserAccount user) {
    return java.util.stream.Stream.concat(
        user.roles().stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())),
        user.groups().stream().sorted().map(group -> (GrantedAuthority) new SimpleGrantedAuthority("GROUP_" + group)))
        .toList();
  }
}
