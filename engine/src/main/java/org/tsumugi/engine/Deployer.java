package org.tsumugi.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.tsumugi.engine.decision.Dmn;
import org.tsumugi.engine.model.BpmnTransformer;
import org.tsumugi.engine.model.FormReader;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.engine.processing.Results.Deployment;
import org.tsumugi.engine.processing.Results.ParsedForm;
import org.tsumugi.engine.processing.Results.ParsedResource;

/**
 * Deploys resources: each is read and validated before the writer sees it, so a bad resource
 * rejects the whole deployment and stores nothing.
 */
public final class Deployer {
  /** A file to deploy. */
  public record Resource(String name, byte[] content) {}

  private final CommandProcessor engine;
  private final BpmnTransformer transformer;
  private final Dmn dmn = new Dmn(System::currentTimeMillis);

  public Deployer(CommandProcessor engine, BpmnTransformer transformer) {
    this.engine = engine;
    this.transformer = transformer;
  }

  public CompletableFuture<Deployment> deploy(List<Resource> resources) {
    if (resources.isEmpty()) {
      throw Rejection.invalidArgument("a deployment needs at least one resource");
    }
    List<ParsedResource> parsed = new ArrayList<>();
    List<ParsedForm> forms = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource.name() != null && resource.name().toLowerCase(Locale.ROOT).endsWith(".form")) {
        forms.add(new ParsedForm(resource.name(), resource.content(), sha256(resource.content()),
            FormReader.formId(resource.name(), resource.content())));
      } else {
        parsed.add(parse(resource.name(), resource.content()));
      }
    }
    return engine.submit(new Command.Deploy(parsed, forms)).thenApply(Deployment.class::cast);
  }

  private ParsedResource parse(String name, byte[] content) {
    String resourceName = name == null || name.isBlank() ? "unnamed.bpmn" : name;
    String lower = resourceName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".dmn")) {
      return new ParsedResource(resourceName, content, sha256(content), List.of(), dmn.parse(resourceName, content));
    }
    if (!lower.endsWith(".bpmn") && !lower.endsWith(".xml")) {
      throw Rejection.invalidArgument("resource '" + resourceName + "' cannot be deployed: only BPMN processes"
          + " (.bpmn), DMN decisions (.dmn) and forms (.form) are supported so far");
    }
    return new ParsedResource(resourceName, content, sha256(content), transformer.transform(resourceName, content));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
