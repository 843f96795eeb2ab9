package io.ticketrush.platform;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Every scheduled job gets a thread of its own. With virtual threads on, Spring Boot's scheduler
 * runs all fixed-delay jobs on one thread, so one slow run (the payment reconciler waiting on a
 * gateway) stalled the hold sweeper, the gatekeeper and the coupon jobs behind it: expired holds
 * kept their seats for minutes. A pool with a thread per job (and two spare) means a job waits
 * only for its own previous run; each job bounds its own run (the reconciler has a time budget).
 * The pool is a bean, so it stops, pauses and resumes with the application context.
 */
@Configuration(proxyBeanMethods = false)
class JobThreads {

    private static final Log log = LogFactory.getLog(JobThreads.class);

    @Bean
    ThreadPoolTaskScheduler jobScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("job-");
        scheduler.setPoolSize(2);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }

    @Bean
    SchedulingConfigurer threadPerJob(ThreadPoolTaskScheduler jobScheduler) {
        return registrar -> {
            int jobs = registrar.getFixedDelayTaskList().size() + registrar.getFixedRateTaskList().size()
                    + registrar.getCronTaskList().size() + registrar.getTriggerTaskList().size();
            jobScheduler.setPoolSize(jobs + 2);
            registrar.setTaskScheduler(jobScheduler);
            log.info("Scheduled jobs: %d, each on a thread of its own".formatted(jobs));
        };
    }
}
