package org.tsumugi.server.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

/**
 * The pages' one way into the engine: in-process, so a command carries the signed-in person
 * ({@link CurrentUser#acting()}), which the REST API cannot pass yet. Waits for the commit; a refusal
 * comes back as the engine's {@link Rejection}.
 */
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true) // pages need the embedded engine
@Component
public class EngineCommands {
  private static final long WAIT_SECONDS = 30;
  private final CommandProcessor engine;

  EngineCommands(CommandProcessor engine) {
    this.engine = engine;
  }

  public Object run(Command command) {
    try {
      return engine.submit(command).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof Rejection rejection) {
        throw rejection;
      }
      throw new IllegalStateException("the engine failed a command from the web pages", e.getCause());
    } catch (TimeoutException e) {
      throw Rejection.timeout("the engine did not answer within " + WAIT_SECONDS + " seconds");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Rejection.unavailable("interrupted while waiting for the engine");
    }
  }
}
