package org.tsumugi.server.remote;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.tsumugi.server.TsumugiApplication;
import org.tsumugi.server.security.Role;
import org.tsumugi.server.security.TestAccounts;
import org.tsumugi.server.security.UserRepository;
import org.tsumugi.server.security.UserService;
import org.tsumugi.server.web.TestUsers;

/**
 * Whole Tsumugi servers for the remote-mode specs: one in embedded mode plays the cluster, another in remote
 * mode points at a cluster; each on its own free port with its own database file under the test's folder.
 */
final class TestServers {

  private TestServers() {
  }

  static ConfigurableApplicationContext start(String name, Path data, String... settings) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve(name) + ";WRITE_DELAY=0",
        "--tsumugi.security.require-totp=false", "--tsumugi.robots.browser.enabled=false"));
    args.addAll(List.of(settings));
    return new SpringApplicationBuilder(TsumugiApplication.class, People.class).run(args.toArray(String[]::new));
  }

  static int port(ConfigurableApplicationContext server) {
    return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
  }

  /** A client of the "cluster" on that port, as its API user, to see what the remote-mode server did there. */
  static CamundaClient client(int port) {
    return CamundaClient.newClientBuilder().restAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(true).credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("admin").password(TestUsers.PASSWORD).applyEnvironmentOverrides(false).build()).build();
  }

  /**
   * The cluster's API user and the remote-mode server's staff, each server with its own user table. Not a
   * {@code @Configuration}: the servers' component scan would pick that up in every other test's context.
   */
  static class People {
    @Bean
    SmartInitializingSingleton remoteSpecPeople(UserService users, UserRepository repository) {
      return () -> {
        TestAccounts.person(users, repository, "admin", TestUsers.PASSWORD, Role.ADMIN, Set.of());
        TestAccounts.person(users, repository, "clerk", TestUsers.PASSWORD, Role.CLERK, Set.of("clerks"));
        TestAccounts.person(users, repository, "nurse", TestUsers.PASSWORD, Role.NURSE, Set.of("nurses"));
        TestAccounts.person(users, repository, "nurse2", TestUsers.PASSWORD, Role.NURSE, Set.of("nurses"));
      };
    }
  }
}
