package com.ambiosys.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import com.ambiosys.platform.errors.DomainException;
import com.ambiosys.platform.errors.RateLimitedException;

/** Every error leaves the API as an RFC 9457 problem in the caller's language. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;
    private final Validator validator;

    ProblemDetailsAdvice(Problems problems, Validator validator) {
        this.problems = problems;
        this.validator = validator;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException ex) {
        return ResponseEntity.status(ex.status()).body(problems.create(ex.status(), ex.code(), ex.args()));
    }

    /** A service's failure, answered with the status of its kind ({@link DomainStatuses}). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException ex) {
        HttpStatus status = DomainStatuses.of(ex.getClass());
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("A domain exception of a kind with no status", ex);
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (ex instanceof RateLimitedException limited) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
        }
        ProblemDetail problem = problems.create(status, ex.code(), ex.args());
        ex.properties().forEach(problem::setProperty);
        return builder.body(problem);
    }

    @ExceptionHandler(InvalidTextException.class)
    ResponseEntity<ProblemDetail> invalidText(InvalidTextException ex) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation");
        problem.setProperty("errors", List.of(Map.of("field", ex.field(),
                "message", problems.message("validation.control-characters"))));
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return respond(problems.create(HttpStatus.FORBIDDEN, "forbidden"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return respond(problems.create(HttpStatus.UNAUTHORIZED, "unauthorized"));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ObjectOptimisticLockingFailureException ex) {
        return respond(problems.create(HttpStatus.CONFLICT, "concurrent-change"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(v -> errors.add(Map.of("field", lastNode(v.getPropertyPath().toString()),
                "message", v.getMessage())));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    /** A body with unknown enum values: those fields and the body's other violations, as one validation problem. */
    @ExceptionHandler(EnumBodyValues.UnknownValuesException.class)
    ResponseEntity<ProblemDetail> unknownValues(EnumBodyValues.UnknownValuesException ex) {
        return fieldsAndViolations(ex.body(), ex.fields(), "validation.type-mismatch");
    }

    /** A body with fields our API does not know: those fields and the body's violations, as one validation problem. */
    @ExceptionHandler(UnknownBodyFields.UnknownFieldsException.class)
    ResponseEntity<ProblemDetail> unknownFields(UnknownBodyFields.UnknownFieldsException ex) {
        return fieldsAndViolations(ex.body(), ex.fields(), "validation.unknown-field");
    }

    private ResponseEntity<ProblemDetail> fieldsAndViolations(Object body, List<String> fields, String messageKey) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = new ArrayList<>();
        String message = problems.message(messageKey);
        fields.forEach(field -> errors.add(Map.of("field", field, "message", message)));
        validator.validate(body).forEach(v -> {
            String field = v.getPropertyPath().toString();
            if (!fields.contains(field)) {
                errors.add(Map.of("field", field, "message", v.getMessage()));
            }
        });
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    /** A multipart body that cannot be parsed (a NUL in a file name, a broken boundary) is the client's error. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(org.springframework.web.multipart.MultipartException ex) {
        return respond(problems.create(HttpStatus.BAD_REQUEST, "malformed-multipart"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        long limit = RequestTooLargeException.limitIn(ex);
        if (limit >= 0) {
            return respond(problems.tooLarge(limit));
        }
        log.error("Unhandled error", ex);
        return respond(problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
                "message", String.valueOf(error.getDefaultMessage()))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        long limit = RequestTooLargeException.limitIn(ex);
        if (limit >= 0) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problems.tooLarge(limit));
        }
        return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, "malformed-body"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String code = Problems.codeFor(statusCode);
        ProblemDetail problem = problems.create(statusCode, code);
        return new ResponseEntity<>(problem, headers, statusCode);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation");
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", problems.message("validation.type-mismatch"))));
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
