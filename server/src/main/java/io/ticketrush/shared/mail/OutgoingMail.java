package io.ticketrush.shared.mail;

/**
 * The port every module sends email through (sign-up verification today, notifications later).
 * The platform implements it over SMTP ({@code spring.mail.*}); in the embedded mode the SMTP
 * server is an in-process capture whose mails an administrator reads at {@code GET /api/v1/dev/mail}.
 */
public interface OutgoingMail {

    /** A plain-text mail to one person. */
    record Mail(String to, String subject, String text) {
    }

    /** Sends the mail, or throws when the mail server refused it. */
    void send(Mail mail);
}
