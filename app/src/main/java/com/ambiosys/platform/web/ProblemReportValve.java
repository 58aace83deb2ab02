package com.ambiosys.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what it refuses before the application sees the request (an encoded
 * slash or NUL in the path, a malformed request line): an RFC 9457 problem like every other error,
 * instead of Tomcat's HTML page.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final ObjectProvider<ProblemWriter> problems;

    ProblemReportValve(ObjectProvider<ProblemWriter> problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answer = known == null ? (status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST) : known;
        try {
            problems.getObject().write(request, response, answer, Problems.codeFor(answer));
            response.finishResponse();
        }
        catch (IOException | RuntimeException ex) {
            // the client is gone or the response cannot be written any more: nothing left to tell anyone
        }
    }
}
