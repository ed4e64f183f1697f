package org.tsumugi.server.security;

import org.tsumugi.server.web.PageRoutes;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.schema.ServerSchema;

/**
 * Two filter chains: the engine API (/v2) for robots and tools with HTTP Basic, stateless; and every
 * other route for people, with a session, the login form, a second factor and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {
  /** Routes anyone may open: the login itself, its style sheet, health and the patients' 問診 pages and script. */
  static final String[] PUBLIC = {"/login", "/css/**", "/favicon.ico", "/error", "/actuator/health",
      "/actuator/health/**", "/monshin/**", "/js/monshin.js"};
  private final Clock clock = Clock.systemUTC();

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt today; the {id} prefix lets a later, stronger default take over hash by hash
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserRepository userRepository(JdbcTemplate jdbc, TransactionTemplate transactions, ServerSchema schema) {
    return new UserRepository(jdbc, transactions, schema);
  }

  @Bean
  TotpSecrets totpSecrets(SecuritySettings settings, UserRepository users) {
    TotpSecrets secrets = new TotpSecrets(TotpKey.load(settings));
    // here rather than in a runner: before the web server takes the first login
    TotpSecretUpgrade.run(users, secrets);
    return secrets;
  }

  @Bean
  UserService userService(UserRepository users, PasswordEncoder encoder, SecuritySettings settings, AuditLog audit,
      TotpSecrets secrets) {
    return new UserService(users, encoder, settings, audit, clock, secrets);
  }

  @Bean
  InProcessRobotAccount inProcessRobotAccount(UserRepository users, UserService service, PasswordEncoder encoder,
      org.springframework.core.env.Environment environment) {
    return new InProcessRobotAccount(users, service, encoder,
        environment.getProperty(InProcessRobotAccount.PASSWORD_PROPERTY));
  }

  @Bean
  FirstAdministrator firstAdministrator(UserRepository users, UserService service, SecuritySettings settings) {
    return new FirstAdministrator(users, service, settings, System.out);
  }

  @Bean
  PasswordCheck passwordCheck(UserRepository users, PasswordEncoder encoder, SecuritySettings settings,
      AuditLog audit) {
    return new PasswordCheck(new UserDetailsLookup(users, clock), encoder, users, settings, audit, clock);
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
        new HttpSessionSecurityContextRepository());
  }

  @Bean
  LoginCompletion loginCompletion(SecurityContextRepository contexts, AuditLog audit) {
    return new LoginCompletion(contexts, audit);
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineApi(HttpSecurity http, PasswordCheck passwords, UserRepository users,
      LoginCompletion logins, ObjectMapper json) throws Exception {
    SecurityProblems problems = new SecurityProblems(json, true);
    http.securityMatcher("/v2/**")
        // no session and no cookie is read here, so there is nothing for a forged request to ride on
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationManager(new ProviderManager(passwords))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(routes -> routes
            .requestMatchers(HttpMethod.POST, "/v2/deployments").hasAnyRole("PROCESS_OWNER", "ADMIN")
            .requestMatchers(HttpMethod.DELETE, "/v2/resources/**").hasAnyRole("PROCESS_OWNER", "ADMIN")
            .anyRequest().hasAnyRole("ROBOT", "PROCESS_OWNER", "ADMIN"))
        .addFilterAfter(new LoginState(users, logins, problems, clock), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain browser(HttpSecurity http, PasswordCheck passwords, UserRepository users, UserService service,
      LoginCompletion logins, SecurityContextRepository contexts, AuditLog audit, ObjectMapper json,
      ObjectProvider<ClientRegistrationRepository> oidc, ObjectProvider<OidcUserMatcher> oidcUsers)
      throws Exception {
    SecurityProblems problems = new SecurityProblems(json, false);
    AntPathRequestMatcher browserApi = new AntPathRequestMatcher("/admin/api/**");
    http.securityContext(context -> context.securityContextRepository(contexts))
        .authenticationManager(new ProviderManager(passwords))
        .authorizeHttpRequests(routes -> {
          routes.requestMatchers(PUBLIC).permitAll()
              .requestMatchers("/login/totp", "/login/totp/**").authenticated()
              .requestMatchers("/admin/**").access(person(Role.ADMIN));
          for (PageRoutes.Rule rule : PageRoutes.RULES) { // the pages' one table of who may open what
            Role[] roles = rule.roles().stream().map(Role::valueOf).toArray(Role[]::new);
            (rule.method() == null ? routes.requestMatchers(rule.pattern())
                : routes.requestMatchers(rule.method(), rule.pattern())).access(person(roles));
          }
          routes.anyRequest().access(person(Role.PERSONS.toArray(Role[]::new)));
        })
        .formLogin(form -> form.loginPage("/login")
            .successHandler((request, response, auth) -> {
              UserAccount user = users.find(auth.getName()).orElseThrow();
              if (!user.isPerson()) {
                // a robot's password opens the engine API only, never a browser session
                logins.end(request, user.username(), "robot account at the login form");
                audit.record(user.username(), "LOGIN_FAILED", "robot account at the login form", "FAILURE",
                    request.getRemoteAddr());
                response.sendRedirect(request.getContextPath() + "/login?error");
              } else if (service.totpRequired(user)) {
                logins.awaitSecondFactor(request, response, user);
              } else {
                logins.complete(request, response, user, "password");
              }
            })
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof org.springframework.security.authentication.LockedException ? "/login?locked"
                : "/login?error"))))
        .logout(logout -> logout.logoutUrl("/logout")
            .addLogoutHandler((request, response, auth) -> {
              if (auth != null) {
                audit.record(auth.getName(), "LOGOUT", null, "SUCCESS", request.getRemoteAddr());
              }
              if (request.getSession(false) != null) {
                request.getSession(false).setAttribute(LoginCompletion.LOGGED_OUT, Boolean.TRUE);
              }
            })
            .logoutSuccessUrl("/login?logout"))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(loginOr(problems, browserApi))
            .defaultAccessDeniedHandlerFor(problems, browserApi))
        // scripts only from this server; inline styles are allowed because bpmn-js, form-js and chart.js set them
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                + "frame-ancestors 'none'; form-action 'self'")))
        .addFilterAfter(new LoginState(users, logins, null, clock), AnonymousAuthenticationFilter.class);
    if (oidc.getIfAvailable() != null) {
      OidcUserMatcher matcher = oidcUsers.getObject();
      http.oauth2Login(login -> login.loginPage("/login")
          .userInfoEndpoint(info -> info.oidcUserService(matcher))
          .successHandler((request, response, auth) -> logins.complete(request, response,
              users.find(auth.getName()).orElseThrow(), "oidc"))
          .failureHandler((request, response, e) -> {
            audit.record("oidc", "LOGIN_FAILED", "oidc: " + e.getMessage(), "FAILURE", request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?error");
          }));
    }
    return http.build();
  }

  /** Audits a session that ended without a logout: the idle timeout. */
  @Bean
  HttpSessionListener sessionTimeoutAudit(AuditLog audit) {
    return new HttpSessionListener() {
      @Override
      public void sessionDestroyed(HttpSessionEvent event) {
        var session = event.getSession();
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (session.getAttribute(LoginCompletion.LOGGED_OUT) == null && context instanceof SecurityContext security
            && security.getAuthentication() != null && !(security.getAuthentication() instanceof SecondFactorPending)) {
          audit.record(security.getAuthentication().getName(), "SESSION_ENDED", "timeout", "SUCCESS",
              (String) session.getAttribute(LoginCompletion.REMOTE_ADDRESS));
        }
      }
    };
  }

  /** Browsers go to the login page whatever they accept; the browser's JSON API answers 401. */
  private static AuthenticationEntryPoint loginOr(SecurityProblems problems, RequestMatcher api) {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entries = new LinkedHashMap<>();
    entries.put(api, problems);
    DelegatingAuthenticationEntryPoint entry = new DelegatingAuthenticationEntryPoint(entries);
    entry.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
    return entry;
  }

  /** Fully logged in (past the second factor) with one of the roles. */
  static AuthorizationManager<RequestAuthorizationContext> person(Role... roles) {
    return (Supplier<Authentication> auth, RequestAuthorizationContext context) -> {
      Authentication user = auth.get();
      boolean allowed = user != null && user.isAuthenticated() && !(user instanceof SecondFactorPending)
          && user.getAuthorities().stream().anyMatch(granted -> Arrays.stream(roles)
          .anyMatch(role -> role.authority().equals(granted.getAuthority())));
      return new AuthorizationDecision(allowed);
    };
  }
}
