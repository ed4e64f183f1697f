package org.tsumugi.engine.api;

import io.camunda.client.protocol.rest.ProblemDetail;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.model.InvalidModelException;
import org.tsumugi.engine.processing.Rejection;

/** Every error of the API as application/problem+json, with a detail that names the problem. */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  static ResponseEntity<ProblemDetail> problem(int status, String title, String detail, HttpServletRequest request) {
    return ResponseEntity.status(status).contentType(PROBLEM).body(body(status, title, detail, request));
  }

  static ProblemDetail body(int status, String title, String detail, HttpServletRequest request) {
    return new ProblemDetail().type(URI.create("about:blank")).status(status).title(title).detail(detail)
        .instance(URI.create(request.getRequestURI()));
  }

  /** The problem an engine command failed with: its rejection, or an unexpected failure (logged). */
  static ProblemDetail ofFailure(Throwable failure, HttpServletRequest request) {
    Throwable cause = failure instanceof CompletionException || failure instanceof ExecutionException
        ? failure.getCause() : failure;
    if (cause instanceof Rejection rejection) {
      return body(rejection.status(), rejection.title(), rejection.getMessage(), request);
    }
    LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), cause);
    return body(HttpStatus.INTERNAL_SERVER_ERROR.value(), "INTERNAL_ERROR",
        "an unexpected error occurred: " + cause.getClass().getSimpleName(), request);
  }

  @ExceptionHandler(Rejection.class)
  ResponseEntity<ProblemDetail> rejection(Rejection rejection, HttpServletRequest request) {
    return problem(rejection.status(), rejection.title(), rejection.getMessage(), request);
  }

  @ExceptionHandler({InvalidModelException.class, ExpressionException.class, IllegalArgumentException.class})
  ResponseEntity<ProblemDetail> invalid(RuntimeException e, HttpServletRequest request) {
    return problem(400, "INVALID_ARGUMENT", e.getMessage(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    String detail = "the request body is not valid JSON of the expected shape";
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
      detail = "the request body's field '" + field + "' has the wrong type"
          + ("variables".equals(field) ? ": variables must be a JSON object" : "");
    } else if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      detail = "the request body is not valid JSON: " + json.getOriginalMessage();
    }
    return problem(400, "INVALID_ARGUMENT", detail, request);
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
  ResponseEntity<ProblemDetail> missing(Exception e, HttpServletRequest request) {
    return problem(400, "INVALID_ARGUMENT", e.getMessage(), request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(Exception e, HttpServletRequest request) {
    return problem(413, "PAYLOAD_TOO_LARGE", "the request is larger than the server accepts", request);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
    return problem(400, "INVALID_ARGUMENT", "the multipart request cannot be read: " + e.getMessage(), request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(Exception e, HttpServletRequest request) {
    return problem(415, "UNSUPPORTED_MEDIA_TYPE", e.getMessage(), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(Exception e, HttpServletRequest request) {
    return problem(405, "METHOD_NOT_ALLOWED", e.getMessage(), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(Exception e, HttpServletRequest request) {
    return problem(404, "NOT_FOUND", "no such endpoint: " + request.getRequestURI(), request);
  }

  @ExceptionHandler({CompletionException.class, ExecutionException.class})
  ResponseEntity<ProblemDetail> wrapped(Exception e, HttpServletRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof Rejection rejection) {
      return rejection(rejection, request);
    }
    return unexpected(cause instanceof Exception inner ? inner : e, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR.value(), "INTERNAL_ERROR",
        "an unexpected error occurred: " + e.getClass().getSimpleName(), request);
  }
}
