package io.ticketrush.catalog.web;

import io.ticketrush.catalog.Category;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.EventQuery;
import io.ticketrush.catalog.Events;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.QueueSettings;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class EventController {

    private final Events events;

    EventController(Events events) {
        this.events = events;
    }

    record GradeRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,10}", message = "letters and digits, at most 10") String code,
            @NotBlank @Size(max = 50) String name,
            @NotNull @Positive @Max(100_000_000) Long price,
            @NotEmpty List<@NotBlank String> sections) {
    }

    record PerformanceRequest(@NotNull OffsetDateTime startsAt) {
    }

    record QueueRequest(@NotNull Boolean enabled, @Min(1) @Max(100_000) Integer outflowPerSecond,
            @Min(1) @Max(1_000_000) Integer maxActiveShoppers) {
    }

    record EventRequest(@NotBlank @Size(max = 200) String title,
            @NotBlank @Pattern(regexp = "CONCERT|MUSICAL|THEATER|CLASSIC|SPORTS|EXHIBITION|FAMILY",
                    message = "one of CONCERT, MUSICAL, THEATER, CLASSIC, SPORTS, EXHIBITION, FAMILY") String category,
            @NotNull @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a venue id") String venueId,
            @Size(max = 20_000) @Nullable String description,
            @NotNull OffsetDateTime salesOpenAt, @NotNull OffsetDateTime salesCloseAt,
            @NotNull @Min(1) @Max(20) Integer maxTicketsPerPerson,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull GradeRequest> grades,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull PerformanceRequest> performances,
            @Valid @Nullable QueueRequest queue) {

        io.ticketrush.catalog.EventPlan toPlan() {
            UUID venue;
            try {
                venue = UUID.fromString(venueId);
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("validation-failed", "The request has invalid fields")
                        .with("errors", List.of(Map.of("field", "venueId", "message", "must be a venue id")));
            }
            QueueSettings queueSettings = queue == null ? QueueSettings.DISABLED : new QueueSettings(queue.enabled(),
                    queue.outflowPerSecond() == null ? QueueSettings.DISABLED.outflowPerSecond() : queue.outflowPerSecond(),
                    queue.maxActiveShoppers() == null ? QueueSettings.DISABLED.maxActiveShoppers() : queue.maxActiveShoppers());
            return new io.ticketrush.catalog.EventPlan(title.trim(), Category.valueOf(category), venue,
                    description == null ? "" : description, salesOpenAt.toInstant(), salesCloseAt.toInstant(),
                    maxTicketsPerPerson,
                    grades.stream().map(g -> new Grade(g.code(), g.name().trim(), g.price(), List.copyOf(g.sections()))).toList(),
                    performances.stream().map(p -> p.startsAt().toInstant()).toList(),
                    queueSettings);
        }
    }

    record EventCreated(UUID eventId, String status, List<Event.Performance> performances) {
    }

    record EventStatusResponse(UUID eventId, String status) {
    }

    record PageInfo(int number, int size, long totalItems) {
    }

    record EventPage(List<io.ticketrush.catalog.EventSummary> items, PageInfo page) {
    }

    record EventResponse(UUID eventId, String title, String category, UUID venueId, String venueName,
            String description, java.time.Instant salesOpenAt, java.time.Instant salesCloseAt, int maxTicketsPerPerson,
            List<Grade> grades, List<Event.Performance> performances, QueueSettings queue, String status) {
        static EventResponse of(Event e) {
            return new EventResponse(e.id(), e.title(), e.category().name(), e.venueId(), e.venueName(),
                    e.description(), e.salesOpenAt(), e.salesCloseAt(), e.maxTicketsPerPerson(), e.grades(),
                    e.performances(), e.queue(), e.status().name());
        }
    }

    @PostMapping("/api/v1/events")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ORGANIZER')")
    EventCreated create(@Valid @RequestBody EventRequest request) {
        Event event = events.draft(request.toPlan(), Caller.current().userId());
        return new EventCreated(event.id(), event.status().name(), event.performances());
    }

    @PostMapping("/api/v1/events/{eventId}/publish")
    @PreAuthorize("hasRole('ORGANIZER')")
    EventStatusResponse publish(@PathVariable UUID eventId) {
        Event event = events.publish(eventId, Caller.current());
        return new EventStatusResponse(event.id(), event.status().name());
    }

    @GetMapping("/api/v1/events")
    EventPage list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Nullable Category category,
            @RequestParam(required = false) @Nullable OffsetDateTime from,
            @RequestParam(required = false) @Nullable OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Events.Page result = events.list(new EventQuery(q, category,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), page, size));
        return new EventPage(result.items(), new PageInfo(result.number(), result.size(), result.totalItems()));
    }

    @GetMapping("/api/v1/events/{eventId}")
    EventResponse get(@PathVariable UUID eventId) {
        return EventResponse.of(events.find(eventId, Caller.ifAuthenticated()));
    }

    @GetMapping("/api/v1/organizer/events")
    @PreAuthorize("hasRole('ORGANIZER')")
    List<EventResponse> mine() {
        return events.ownedBy(Caller.current().userId()).stream().map(EventResponse::of).toList();
    }
}
