package org.tsumugi.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Lets a call through only with the HTTP Basic credentials of a user who has a role for it, read from the
 * {@code authorization} metadata where the Camunda clients' credentials providers put them. The roles are
 * those of the REST API: deploying and deleting resources is for process owners and administrators, the
 * rest also for robots.
 */
final class BasicCredentials implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Set<String> API_ROLES = Set.of("ROBOT", "PROCESS_OWNER", "ADMIN");
  private static final Set<String> DEPLOYING_ROLES = Set.of("PROCESS_OWNER", "ADMIN");
  private static final Set<String> DEPLOYING_METHODS = Set.of(
      GatewayGrpc.getDeployResourceMethod().getFullMethodName(),
      GatewayGrpc.getDeployProcessMethod().getFullMethodName(),
      GatewayGrpc.getDeleteResourceMethod().getFullMethodName());

  private final GatewayCallers callers;

  BasicCredentials(GatewayCallers callers) {
    this.callers = callers;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    try {
      String[] credentials = basic(headers.get(AUTHORIZATION));
      Set<String> roles = callers.rolesOf(credentials[0], credentials[1],
          address(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
      Set<String> needed = DEPLOYING_METHODS.contains(method) ? DEPLOYING_ROLES : API_ROLES;
      if (roles.stream().noneMatch(needed::contains)) {
        throw CallerRefused.forbidden("the user " + credentials[0] + " lacks the role for " + method);
      }
    } catch (CallerRefused refused) {
      Status status = refused.authenticated() ? Status.PERMISSION_DENIED : Status.UNAUTHENTICATED;
      call.close(status.withDescription(refused.getMessage()), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }

  /** The user name and password, or two nulls when the call carries none (the callers' check refuses those). */
  private static String[] basic(String header) {
    String[] none = {null, null};
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return none;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return none;
    }
    int colon = decoded.indexOf(':');
    return colon < 1 ? none : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static String address(SocketAddress remote) {
    return remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : null;
  }
}
