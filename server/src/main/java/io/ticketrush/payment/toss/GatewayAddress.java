package io.ticketrush.payment.toss;

import io.ticketrush.payment.PaymentSettings;
import java.util.Optional;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the gateway is: the configured base URL, or, when none is configured, the sandbox that
 * this very server serves. That address is known only once the web server listens (tests use
 * random ports), so it is resolved at call time.
 */
@Component
class GatewayAddress {

    private final PaymentSettings settings;
    private final ApplicationContext context;
    private final Environment environment;
    private volatile String localSandbox;

    GatewayAddress(PaymentSettings settings, ApplicationContext context, Environment environment) {
        this.settings = settings;
        this.context = context;
        this.environment = environment;
    }

    /** The base URL without a trailing slash, or empty while the local sandbox is not listening yet. */
    Optional<String> baseUrl() {
        if (!settings.usesLocalSandbox()) {
            return Optional.ofNullable(settings.baseUrl());
        }
        if (localSandbox == null && context instanceof WebServerApplicationContext web) {
            WebServer server = web.getWebServer();
            int port = server == null ? -1 : server.getPort();
            if (port > 0) {
                String contextPath = environment.getProperty("server.servlet.context-path", "");
                localSandbox = "http://127.0.0.1:" + port + stripTrailingSlash(contextPath) + "/sandbox-pg";
            }
        }
        return Optional.ofNullable(localSandbox);
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
