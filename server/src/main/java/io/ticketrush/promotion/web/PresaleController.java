package io.ticketrush.promotion.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.ticketrush.promotion.PresaleWindow;
import io.ticketrush.promotion.Presales;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PresaleController {

    private final Presales presales;

    PresaleController(Presales presales) {
        this.presales = presales;
    }

    record PresaleBody(@NotNull OffsetDateTime opensAt) {
    }

    record PresaleResponse(UUID eventId, Instant presaleOpensAt, Instant salesOpenAt) {
    }

    record CodesBody(@NotNull @Min(1) @Max(1_000_000) Integer count, @NotNull @Min(1) @Max(10_000) Integer usesPerCode) {
    }

    record BatchResponse(UUID batchId, UUID eventId, int count, int usesPerCode, String csv) {
    }

    @PostMapping("/api/v1/events/{eventId}/presale")
    @OrganizerOnly
    PresaleResponse open(@PathVariable UUID eventId, @Valid @RequestBody PresaleBody body) {
        PresaleWindow window = presales.open(eventId, Caller.current().userId(), body.opensAt().toInstant());
        return new PresaleResponse(eventId, window.opensAt(), presales.salesOpenAt(eventId));
    }

    @GetMapping("/api/v1/events/{eventId}/presale")
    PresaleResponse window(@PathVariable UUID eventId) {
        PresaleWindow window = presales.window(eventId)
                .orElseThrow(() -> DomainException.notFound("no-presale", "This event has no presale"));
        return new PresaleResponse(eventId, window.opensAt(), presales.salesOpenAt(eventId));
    }

    @PostMapping("/api/v1/events/{eventId}/presale/codes")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    BatchResponse generate(@PathVariable UUID eventId, @Valid @RequestBody CodesBody body) {
        Presales.Batch batch = presales.generate(eventId, Caller.current().userId(), body.count(), body.usesPerCode());
        return new BatchResponse(batch.batchId(), eventId, batch.count(), batch.usesPerCode(),
                "/api/v1/events/" + eventId + "/presale/codes.csv");
    }

    @GetMapping("/api/v1/events/{eventId}/presale/codes.csv")
    @ApiResponse(responseCode = "200", description = "The batch's codes, one a line", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @OrganizerOnly
    void download(@PathVariable UUID eventId, HttpServletResponse response) throws IOException {
        UUID organizer = Caller.current().userId();
        presales.checkOrganizer(eventId, organizer);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"presale-codes-" + eventId + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        presales.writeCsv(eventId, organizer, out);
    }
}
