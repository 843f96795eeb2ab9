package io.ticketrush.platform.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator on a small document: each request is wrong in exactly one place, the rest is well-formed. */
class MalformedRequestsTest {

    private static final String DOCUMENT = """
            {"paths":{"/api/v1/things/{thingId}":{"post":{
               "parameters":[{"name":"thingId","in":"path","required":true,"schema":{"type":"string","format":"uuid"}},
                             {"name":"size","in":"query","schema":{"type":"integer"}}],
               "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["name","kind"],"properties":{
               "name":{"type":"string","maxLength":10},
               "kind":{"type":"string","pattern":"BIG|SMALL"},
               "count":{"type":"integer","minimum":1},
               "tags":{"type":"array","items":{"type":"string"}}}}}}}""";

    private final ApiDocument document = new ApiDocument(Api.JSON.readTree(DOCUMENT));
    private final List<Probe> probes = new MalformedRequests(document, Map.of("thingId", "0000-known"))
            .of(document.operations().getFirst());

    @Test
    void aBadPathValueKeepsTheBodyWellFormed() {
        Probe probe = probe("path.thingId:not-a-uuid");
        assertThat(probe.target()).isEqualTo("/api/v1/things/not-a-uuid");
        assertThat(body(probe)).isEqualTo("{\"name\":\"A1b2C3d4\",\"kind\":\"BIG\",\"count\":1,\"tags\":[\"A1b2C3d4\"]}");
    }

    @Test
    void eachBodyFieldIsBrokenAloneAndKnownIdsFillThePath() {
        assertThat(probe("body.count:huge-number").target()).isEqualTo("/api/v1/things/0000-known");
        assertThat(body(probe("body.count:huge-number"))).contains("\"count\":1e309").contains("\"kind\":\"BIG\"");
        assertThat(body(probe("body.count:long-max-plus-one"))).contains("\"count\":9223372036854775808");
        assertThat(body(probe("body.name:missing"))).doesNotContain("\"name\"").contains("\"kind\":\"BIG\"");
        assertThat(body(probe("body.kind:unknown-enum"))).contains("\"kind\":\"NOT_A_KNOWN_VALUE\"");
        assertThat(body(probe("body.tags.0:null"))).contains("\"tags\":[null]");
        assertThat(probe("body.name:huge-string").body()).hasSizeGreaterThan(MalformedRequests.HUGE_STRING);
        assertThat(probes).extracting(Probe::kind).doesNotContain("body.count:missing", "body.name:unknown-enum");
    }

    @Test
    void invalidUtf8IsRawBytesInsideAString() {
        byte[] body = probe("body.name:bad-utf8").body();
        assertThat(new String(body, StandardCharsets.ISO_8859_1)).contains("\"name\":\"a\u00C3(\u00FF\u00FE");
        assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body), java.nio.CharBuffer.allocate(body.length), true).isError())
                .isTrue();
    }

    @Test
    void queryValuesAndWholeBodiesAreCovered() {
        assertThat(probe("query.size:huge-number").target()).isEqualTo("/api/v1/things/0000-known?size=1e309");
        assertThat(probes).extracting(Probe::kind).contains("body:empty", "body:truncated", "body:too-deep",
                "content-type:none", "header.Authorization:broken-bearer");
        assertThat(probe("content-type:none").contentType()).isNull();
    }

    private Probe probe(String kind) {
        return probes.stream().filter(p -> p.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no probe " + kind + " among " + probes.stream().map(Probe::kind).toList()));
    }

    private static String body(Probe probe) {
        return new String(probe.body(), StandardCharsets.UTF_8);
    }
}
