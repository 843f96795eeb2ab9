package io.ticketrush.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A URL that Spring Security's firewall refuses (an encoded percent sign, a double slash, ...) is
 * answered 400 {@code malformed-url} as a problem document, like every other bad input, instead of
 * going through the servlet error page (whose JSON has no {@code code}). Spring Security uses the one
 * {@link RequestRejectedHandler} bean it finds.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Log log = LogFactory.getLog(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Rejected a malformed URL: " + rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Malformed URL","status":400,"detail":"The URL is not one this server accepts","code":"malformed-url"}""");
    }
}
