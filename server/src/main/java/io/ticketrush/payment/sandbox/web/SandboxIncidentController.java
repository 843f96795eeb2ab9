package io.ticketrush.payment.sandbox.web;

import io.ticketrush.payment.PaymentSettings;
import io.ticketrush.payment.sandbox.ConditionalOnSandbox;
import io.ticketrush.payment.sandbox.GatewayRefusal;
import io.ticketrush.payment.sandbox.IncidentMode;
import io.ticketrush.payment.sandbox.SandboxIncident;
import io.ticketrush.payment.sandbox.SandboxIncident.Incident;
import io.ticketrush.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's incident switch of the sandbox gateway (development and tests only):
 * {@code PUT /sandbox-pg/v1/incident {"mode": "none"|"down"|"slow"|"declining"}}. Authenticated like
 * the gateway's server API, with the secret key as HTTP Basic user. Unlike that API, it is our own
 * and answers problem+json.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping("/sandbox-pg/v1/incident")
class SandboxIncidentController {

    private final SecretKeyCheck secretKey;
    private final SandboxIncident incident;

    SandboxIncidentController(PaymentSettings settings, SandboxIncident incident) {
        this.secretKey = new SecretKeyCheck(settings);
        this.incident = incident;
    }

    record IncidentRequest(@NotNull @Pattern(regexp = "none|down|slow|declining",
            message = "must be one of none, down, slow, declining") String mode) {
    }

    record IncidentResponse(String mode, Instant since) {

        static IncidentResponse of(Incident incident) {
            return new IncidentResponse(incident.mode().apiName(), incident.since());
        }
    }

    @GetMapping
    IncidentResponse current(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        requireSecretKey(authorization);
        return IncidentResponse.of(incident.current());
    }

    @PutMapping
    IncidentResponse switchTo(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody IncidentRequest request) {
        requireSecretKey(authorization);
        return IncidentResponse.of(incident.switchTo(IncidentMode.ofApiName(request.mode())));
    }

    private void requireSecretKey(@Nullable String authorization) {
        try {
            secretKey.require(authorization);
        } catch (GatewayRefusal refused) {
            throw new DomainException(401, "unauthenticated",
                    "The sandbox's incident switch takes the gateway's secret key as HTTP Basic user");
        }
    }
}
