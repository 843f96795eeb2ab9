package io.ticketrush.platform.mail;

import io.ticketrush.shared.mail.OutgoingMail;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * {@link OutgoingMail} over SMTP ({@code spring.mail.*}; production: SPRING_MAIL_HOST, _PORT,
 * _USERNAME, _PASSWORD). In the embedded (development) mode every mail is also written to the log,
 * links included; in production only the recipient is logged. Without a mail server configured,
 * mails are logged and dropped with a warning.
 */
@Component
class SmtpMail implements OutgoingMail {

    private static final Log log = LogFactory.getLog(SmtpMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final boolean development;

    SmtpMail(ObjectProvider<JavaMailSender> sender, Environment environment) {
        this.sender = sender;
        this.from = environment.getProperty("ticketrush.mail.from", "no-reply@ticketrush.local");
        this.development = environment.getProperty("ticketrush.embedded.enabled", Boolean.class, true);
    }

    @Override
    public void send(Mail mail) {
        if (development) {
            log.info("Mail to " + mail.to() + ": " + mail.subject() + "\n" + mail.text());
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.warn("No mail server configured (spring.mail.host): mail to " + mail.to() + " not sent");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        smtp.send(message);
        if (!development) {
            log.info("Mail sent to " + mail.to() + ": " + mail.subject());
        }
    }
}
