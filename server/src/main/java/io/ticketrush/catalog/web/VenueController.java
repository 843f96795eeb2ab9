package io.ticketrush.catalog.web;

import io.ticketrush.catalog.Venue;
import io.ticketrush.catalog.VenuePlan;
import io.ticketrush.catalog.Venues;
import io.ticketrush.shared.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ORGANIZER')")
class VenueController {

    private final Venues venues;

    VenueController(Venues venues) {
        this.venues = venues;
    }

    record RowRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,10}", message = "letters and digits, at most 10") String label,
            @NotNull @Min(1) @Max(500) Integer seats) {
    }

    record SectionRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,10}", message = "letters and digits, at most 10") String code,
            @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull RowRequest> rows) {
    }

    record VenueRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 300) String address,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull SectionRequest> sections) {

        VenuePlan toPlan() {
            return new VenuePlan(name.trim(), address.trim(), sections.stream()
                    .map(s -> new VenuePlan.Section(s.code(), s.name().trim(),
                            s.rows().stream().map(r -> new VenuePlan.Row(r.label(), r.seats())).toList()))
                    .toList());
        }
    }

    record VenueCreated(UUID venueId, int seatCount) {
    }

    record VenueResponse(UUID venueId, String name, String address, int seatCount, List<Venue.SectionInfo> sections,
            boolean shared, boolean own) {

        static VenueResponse of(Venue v, Caller caller) {
            return new VenueResponse(v.id(), v.name(), v.address(), v.seatCount(), v.sections(), v.shared(),
                    v.ownerId().equals(caller.userId()));
        }
    }

    record ShareRequest(@NotNull Boolean shared) {
    }

    @PostMapping("/api/v1/venues")
    @ResponseStatus(HttpStatus.CREATED)
    VenueCreated create(@Valid @RequestBody VenueRequest request) {
        Venue venue = venues.create(request.toPlan(), Caller.current().userId());
        return new VenueCreated(venue.id(), venue.seatCount());
    }

    @GetMapping("/api/v1/venues/{venueId}")
    VenueResponse get(@PathVariable UUID venueId) {
        Caller caller = Caller.current();
        return VenueResponse.of(venues.findUsable(venueId, caller), caller);
    }

    /** The caller's own venues and the shared ones (every venue for an ADMIN). */
    @GetMapping("/api/v1/venues")
    List<VenueResponse> list() {
        Caller caller = Caller.current();
        return venues.usableBy(caller).stream().map(v -> VenueResponse.of(v, caller)).toList();
    }

    /** ADMIN: share a venue with every organizer (or stop sharing it). */
    @PutMapping("/api/v1/venues/{venueId}/shared")
    @PreAuthorize("hasRole('ADMIN')")
    VenueResponse share(@PathVariable UUID venueId, @Valid @RequestBody ShareRequest request) {
        return VenueResponse.of(venues.share(venueId, request.shared()), Caller.current());
    }
}
