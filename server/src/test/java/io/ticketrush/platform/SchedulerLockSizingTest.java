package io.ticketrush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every job that runs once across the cluster holds its ShedLock at most a few of its own intervals: if the
 * instance running it dies, another takes over within seconds for the 1 s hold sweeper, not minutes
 * (expired holds would stay unsold that long). Intervals are read as configured in application.yaml.
 */
class SchedulerLockSizingTest {

    /** A lock may outlive its holder by at most ten intervals, and need never be shorter than 5 s. */
    static Duration longestAllowed(Duration interval) {
        Duration tenIntervals = interval.multipliedBy(10);
        return tenIntervals.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : tenIntervals;
    }

    @Test
    void everySchedulerLockIsSizedToItsJobsInterval() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        List<String> checked = new ArrayList<>();
        for (Method job : scheduledLockedJobs()) {
            Scheduled scheduled = job.getAnnotation(Scheduled.class);
            SchedulerLock lock = job.getAnnotation(SchedulerLock.class);
            Duration interval = Duration.parse(environment.resolveRequiredPlaceholders(
                    scheduled.fixedDelayString().isEmpty() ? scheduled.fixedRateString() : scheduled.fixedDelayString()));
            Duration atMost = Duration.parse(lock.lockAtMostFor());
            assertThat(atMost).as("%s: lockAtMostFor of a job every %s", lock.name(), interval)
                    .isLessThanOrEqualTo(longestAllowed(interval))
                    .isGreaterThan(interval);
            checked.add(lock.name());
        }
        assertThat(checked).contains("inventory-hold-sweeper", "queue-gatekeeper", "order-payment-reconciler",
                "promotion-claim-reconciler");
    }

    private static List<Method> scheduledLockedJobs() throws ClassNotFoundException, IOException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<Method> jobs = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.ticketrush")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                if (method.isAnnotationPresent(SchedulerLock.class) && method.isAnnotationPresent(Scheduled.class)) {
                    jobs.add(method);
                }
            }
        }
        return jobs;
    }
}
