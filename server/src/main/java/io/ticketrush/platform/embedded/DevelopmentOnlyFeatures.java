package io.ticketrush.platform.embedded;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * What exists only in the embedded development mode: the demo accounts with their published
 * passwords, the sandbox payment gateway and the rehearsal endpoint that mints fans. A server on
 * external PostgreSQL/Redis ({@code ticketrush.embedded.enabled=false}) refuses to start with any of
 * them on. The one exception is a benchmark on throw-away stores, which must say so twice: the
 * {@code benchmark} profile and {@code ticketrush.benchmark.disposable-stores=true} (loadtest/run.sh
 * creates the database and drops it afterwards).
 */
final class DevelopmentOnlyFeatures {

    static final String DISPOSABLE = "ticketrush.benchmark.disposable-stores";
    private static final List<String> SWITCHES = List.of("ticketrush.seed.demo-data", "ticketrush.payment.sandbox.enabled",
            "ticketrush.rehearsal.enabled");

    /** What the check decided: nothing to say, a loud warning (benchmark), or a refusal with its reason. */
    sealed interface Verdict {
        record Fine() implements Verdict {
        }

        record Benchmark(List<String> on) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    private DevelopmentOnlyFeatures() {
    }

    static Verdict check(Environment environment) {
        if (environment.getProperty("ticketrush.embedded.enabled", Boolean.class, true)) {
            return new Verdict.Fine();
        }
        List<String> on = new ArrayList<>();
        for (String name : SWITCHES) {
            if (environment.getProperty(name, Boolean.class, false)) {
                on.add(name);
            }
        }
        if (on.isEmpty()) {
            return new Verdict.Fine();
        }
        boolean disposable = environment.getProperty(DISPOSABLE, Boolean.class, false);
        if (disposable && environment.acceptsProfiles(Profiles.of("benchmark"))) {
            return new Verdict.Benchmark(on);
        }
        return new Verdict.Refused(("Refusing to start: %s must be false on external PostgreSQL/Redis"
                + " (ticketrush.embedded.enabled=false). Demo accounts with published passwords, the sandbox payment"
                + " gateway and the rehearsal endpoint exist only in the embedded development mode. A benchmark on"
                + " throw-away stores may keep them with the 'benchmark' profile and %s=true.")
                .formatted(String.join(", ", on), DISPOSABLE));
    }
}
