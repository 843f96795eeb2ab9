package io.ticketrush.inventory.web;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.HoldSeats;
import io.ticketrush.inventory.SeatMap;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The seat map and availability, written from pre-serialized snapshots (gzip when the client accepts it). */
@RestController
class SeatMapController {

    private final HoldSeats holdSeats;
    private final SeatMap seatMap;

    SeatMapController(HoldSeats holdSeats, SeatMap seatMap) {
        this.holdSeats = holdSeats;
        this.seatMap = seatMap;
    }

    @GetMapping("/api/v1/performances/{performanceId}/seats")
    ResponseEntity<byte[]> seats(@PathVariable UUID performanceId,
            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        PerformanceSale sale = holdSeats.saleOf(performanceId);
        SeatMap.Snapshot snapshot = seatMap.snapshot(sale);
        String etag = "\"" + snapshot.version() + "\"";
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(snapshot.seatMapGzip());
        }
        return response.body(snapshot.seatMapJson());
    }

    @GetMapping("/api/v1/performances/{performanceId}/availability")
    ResponseEntity<byte[]> availability(@PathVariable UUID performanceId) {
        PerformanceSale sale = holdSeats.saleOf(performanceId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .body(seatMap.snapshot(sale).availabilityJson());
    }
}
