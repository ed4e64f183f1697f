package org.tsumugi.server.remote;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The client for the Camunda 8 cluster in remote mode, from the same {@code camunda.client.*} names
 * the Camunda Spring Boot starter reads, so one settings file serves the server and the workers.
 * SaaS needs only the cluster id, region and client credentials; Self-Managed names its addresses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "remote")
class RemoteClientConfiguration {

  static final String SAAS_TOKEN_URL = "https://login.cloud.camunda.io/oauth/token";
  static final String SAAS_AUDIENCE = "zeebe.camunda.io";

  /**
   * Primary, so every Tsumugi part that asks for a client gets this one; the Camunda starter (on the classpath for
   * the robots) registers its own bean named camundaClient, which this must not override.
   */
  @Bean(destroyMethod = "close")
  @org.springframework.context.annotation.Primary
  CamundaClient remoteCamundaClient(Environment env) {
    String clusterId = env.getProperty("camunda.client.cloud.cluster-id", "");
    String region = env.getProperty("camunda.client.cloud.region", "");
    boolean saas = !clusterId.isBlank();
    if (saas && region.isBlank()) {
      throw new IllegalStateException("camunda.client.cloud.cluster-id is set: set camunda.client.cloud.region too");
    }
    String rest = env.getProperty("camunda.client.rest-address",
        saas ? "https://" + region + ".zeebe.camunda.io/" + clusterId : "");
    String grpc = env.getProperty("camunda.client.grpc-address",
        saas ? "https://" + clusterId + "." + region + ".zeebe.camunda.io:443" : "");
    if (rest.isBlank()) {
      throw new IllegalStateException("tsumugi.mode=remote needs camunda.client.rest-address (Self-Managed)"
          + " or camunda.client.cloud.cluster-id and region (SaaS)");
    }
    var builder = CamundaClient.newClientBuilder().restAddress(URI.create(rest)).preferRestOverGrpc(true)
        .credentialsProvider(credentials(env, saas));
    if (!grpc.isBlank()) {
      builder.grpcAddress(URI.create(grpc));
    }
    return builder.build();
  }

  private static CredentialsProvider credentials(Environment env, boolean saas) {
    String clientId = env.getProperty("camunda.client.auth.client-id", "");
    String username = env.getProperty("camunda.client.auth.username", "");
    if (!clientId.isBlank()) {
      return CredentialsProvider.newCredentialsProviderBuilder().applyEnvironmentOverrides(false)
          .clientId(clientId)
          .clientSecret(env.getProperty("camunda.client.auth.client-secret", ""))
          .authorizationServerUrl(env.getProperty("camunda.client.auth.token-url", saas ? SAAS_TOKEN_URL : ""))
          .audience(env.getProperty("camunda.client.auth.audience", saas ? SAAS_AUDIENCE : ""))
          .build();
    }
    if (!username.isBlank()) {
      return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().applyEnvironmentOverrides(false)
          .username(username).password(env.getProperty("camunda.client.auth.password", "")).build();
    }
    if (saas) {
      throw new IllegalStateException("SaaS needs camunda.client.auth.client-id and client-secret");
    }
    return new io.camunda.client.impl.NoopCredentialsProvider();
  }
}
