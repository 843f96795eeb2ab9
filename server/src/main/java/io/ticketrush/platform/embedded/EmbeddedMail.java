package io.ticketrush.platform.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The development mode's mail server: GreenMail's SMTP capture, in process, on a free port of
 * 127.0.0.1 (one per JVM). Nothing leaves the machine; an administrator reads what was sent at
 * {@code GET /api/v1/dev/mail}. Turned off with {@code ticketrush.embedded.mail=false}.
 */
public final class EmbeddedMail {

    private static @Nullable EmbeddedMail running;

    private final GreenMail server;
    private final int port;

    private EmbeddedMail(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A mail the capture received. */
    public record Captured(List<String> to, String subject, String text, @Nullable Instant receivedAt) {
    }

    static synchronized EmbeddedMail start() {
        if (running == null) {
            int port = freePort();
            GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            EmbeddedMail mail = new EmbeddedMail(server, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-mail-stop"));
            running = mail;
        }
        return running;
    }

    /** The capture of this JVM, if the embedded mode started one. */
    public static synchronized @Nullable EmbeddedMail current() {
        return running;
    }

    Map<String, Object> connectionProperties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port, "spring.mail.protocol", "smtp");
    }

    String describe() {
        return "Embedded mail capture (SMTP) on 127.0.0.1:" + port + "; read it at GET /api/v1/dev/mail (ADMIN)";
    }

    /** Captured mails, newest last; only those to the given address when it is not null. */
    public List<Captured> received(@Nullable String to) {
        return Arrays.stream(server.getReceivedMessages())
                .map(EmbeddedMail::captured)
                .filter(m -> to == null || m.to().stream().anyMatch(to::equalsIgnoreCase))
                .toList();
    }

    private static Captured captured(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
            Object content = message.getContent();
            Instant received = message.getSentDate() == null ? null : message.getSentDate().toInstant();
            return new Captured(to, message.getSubject(), content instanceof String s ? s.strip() : String.valueOf(content),
                    received);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
