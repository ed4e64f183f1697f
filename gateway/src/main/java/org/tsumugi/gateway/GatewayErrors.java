package org.tsumugi.gateway;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.model.InvalidModelException;
import org.tsumugi.engine.processing.Rejection;

/**
 * The REST API's problems as gRPC statuses: the same detail as description, and the code that a Zeebe
 * gateway gives for the same refusal.
 */
final class GatewayErrors {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayErrors.class);
  private static final Map<String, Status> BY_TITLE = Map.of(
      "INVALID_ARGUMENT", Status.INVALID_ARGUMENT,
      "NOT_FOUND", Status.NOT_FOUND,
      "FORBIDDEN", Status.PERMISSION_DENIED,
      "INVALID_STATE", Status.FAILED_PRECONDITION,
      "ALREADY_EXISTS", Status.ALREADY_EXISTS,
      "PAYLOAD_TOO_LARGE", Status.RESOURCE_EXHAUSTED,
      "UNAVAILABLE", Status.UNAVAILABLE,
      "DEADLINE_EXCEEDED", Status.DEADLINE_EXCEEDED);

  private GatewayErrors() {}

  static StatusRuntimeException of(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof StatusRuntimeException status) {
      return status;
    }
    if (cause instanceof Rejection rejection) {
      return BY_TITLE.getOrDefault(rejection.title(), Status.UNKNOWN).withDescription(rejection.getMessage())
          .asRuntimeException();
    }
    if (cause instanceof InvalidModelException || cause instanceof ExpressionException
        || cause instanceof IllegalArgumentException) {
      return Status.INVALID_ARGUMENT.withDescription(cause.getMessage()).asRuntimeException();
    }
    LOG.error("unexpected failure of a gRPC call", cause);
    return Status.INTERNAL.withDescription("an unexpected error occurred: " + cause.getClass().getSimpleName())
        .asRuntimeException();
  }

  static StatusRuntimeException unsupported(String what) {
    return Status.UNIMPLEMENTED.withDescription(what + " is not supported by Tsumugi's engine").asRuntimeException();
  }
}
