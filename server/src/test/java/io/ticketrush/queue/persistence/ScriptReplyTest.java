package io.ticketrush.queue.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waiting room's scripts answer name/value pairs, read by name whatever their order. */
class ScriptReplyTest {

    @Test
    void valuesAreReadByNameNotByPosition() {
        ScriptReply r = ScriptReply.of(List.of("serving", "7", "ticket", "", "active", 3L, "gate.paused", "1",
                "entry", "e-1", "gate.rate", "2.5"));
        assertThat(r.number("serving")).isEqualTo(7);
        assertThat(r.number("active")).isEqualTo(3);
        assertThat(r.text("ticket")).as("'' is none").isNull();
        assertThat(r.text("entry")).isEqualTo("e-1");
        assertThat(r.under("gate.")).isEqualTo(Map.of("paused", "1", "rate", "2.5"));
    }

    @Test
    void aRepeatedNameKeepsEveryValueInOrder() {
        ScriptReply r = ScriptReply.of(List.of("admitted", 2L, "fan", "b", "fan", "a"));
        assertThat(r.all("fan")).containsExactly("b", "a");
        assertThat(r.all("nobody")).isEmpty();
    }

    @Test
    void aMissingNumberOrAnUnpairedReplyFailsLoudly() {
        assertThatThrownBy(() -> ScriptReply.of(List.of("serving", "7")).number("seq"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ScriptReply.of(List.of("serving"))).isInstanceOf(IllegalStateException.class);
    }
}
