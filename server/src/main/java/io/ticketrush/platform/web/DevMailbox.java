package io.ticketrush.platform.web;

import io.ticketrush.platform.embedded.EmbeddedMail;
import io.ticketrush.shared.DomainException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The development mailbox: what the embedded mail capture received (ADMIN; 404 outside the embedded mode). */
@RestController
class DevMailbox {

    @GetMapping("/api/v1/dev/mail")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, List<EmbeddedMail.Captured>> mail(@RequestParam(required = false) @Nullable String to) {
        EmbeddedMail capture = EmbeddedMail.current();
        if (capture == null) {
            throw DomainException.notFound("dev-mail-disabled", "The development mailbox runs in the embedded mode only");
        }
        return Map.of("items", capture.received(to));
    }
}
