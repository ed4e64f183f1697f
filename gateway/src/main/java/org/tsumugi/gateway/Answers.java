package org.tsumugi.gateway;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a unary call once the engine has: off the engine's own thread, so that writing responses
 * never holds up the commands behind it.
 */
final class Answers {
  private final Executor executor;

  Answers(Executor executor) {
    this.executor = executor;
  }

  /**
   * @param call submits the command; a refusal it throws before submitting is answered like one the
   *     engine gives
   * @param response the answer to send, or null to end a stream without one
   */
  <T> void answer(StreamObserver<T> observer, Supplier<? extends CompletableFuture<?>> call,
      Function<Object, T> response) {
    CompletableFuture<?> submitted;
    try {
      submitted = call.get();
    } catch (RuntimeException refused) {
      observer.onError(GatewayErrors.of(refused));
      return;
    }
    submitted.whenCompleteAsync((result, failure) -> {
      if (failure != null) {
        observer.onError(GatewayErrors.of(failure));
        return;
      }
      T answer;
      try {
        answer = response.apply(result);
      } catch (RuntimeException e) {
        observer.onError(GatewayErrors.of(e));
        return;
      }
      if (answer != null) {
        observer.onNext(answer);
      }
      observer.onCompleted();
    }, executor);
  }
}
