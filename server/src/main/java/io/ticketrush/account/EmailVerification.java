package io.ticketrush.account;

import io.ticketrush.account.persistence.VerificationRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.mail.OutgoingMail;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Confirms that a person owns their email address: sign-up mails a single-use link (a random
 * token, stored as its SHA-256, expiring after {@code verification-ttl}); following it marks the
 * account verified. Until then the account can sign in and browse, but a seat hold answers 403
 * {@code email-not-verified} (access tokens carry the claim {@code ev}; verifying revokes the
 * older ones, so the next refresh carries it).
 */
@Component
public class EmailVerification {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final VerificationRows rows;
    private final OutgoingMail mail;
    private final VerificationSettings settings;
    private final TokenRevocations revocations;
    private final Clock clock;
    private final AddressBudgets budgets;
    private final Accounts accounts;

    EmailVerification(VerificationRows rows, OutgoingMail mail, VerificationSettings settings,
            TokenRevocations revocations, Clock clock, AddressBudgets budgets, Accounts accounts,
            @Value("${ticketrush.embedded.enabled:true}") boolean embedded) {
        requirePublicUrl(settings, embedded);
        this.budgets = budgets;
        this.accounts = accounts;
        this.rows = rows;
        this.mail = mail;
        this.settings = settings;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** Mails a new link to the account's address. */
    void send(Account account) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        rows.insert(RefreshTokens.hash(token), account.id(), now, now.plus(settings.verificationTtl()));
        String link = siteUrl() + "/verify-email?token=" + token;
        mail.send(new OutgoingMail.Mail(account.email(), "[Ticketrush] 이메일 주소를 확인해 주세요 / Confirm your email address",
                account.name() + "님, Ticketrush에 가입해 주셔서 감사합니다.\n"
                        + "아래 링크를 열어 이메일 주소를 확인해 주세요 (" + settings.verificationTtl().toHours() + "시간 동안 유효):\n"
                        + "Open this link to confirm your email address:\n\n" + link + "\n"));
    }

    /** Sends the link again to a signed-in person who has not verified yet (within the address's sign-up budget). */
    public void resend(UUID userId, String clientAddress) {
        if (rows.isVerified(userId)) {
            throw DomainException.conflict("email-already-verified", "This email address is already verified");
        }
        budgets.takeSignup(clientAddress);
        send(accounts.findById(userId).orElseThrow(() -> DomainException.notFound("user-not-found", "No such user")));
    }

    /** Uses a link; the account it verified. 400 {@code invalid-verification-token} when unknown, used or expired. */
    @Transactional
    public UUID verify(String token) {
        Instant now = clock.instant();
        UUID userId = rows.use(RefreshTokens.hash(token), now).orElseThrow(() -> DomainException.badRequest(
                "invalid-verification-token", "This verification link is unknown, used or expired"));
        rows.markVerified(userId, now).ifPresent(generation -> revocations.remember(userId, generation));
        return userId;
    }

    public boolean isVerified(UUID userId) {
        return rows.isVerified(userId);
    }

    /**
     * Outside the embedded development mode a mailed link must not take its host from the request
     * (a forged {@code Host} header would send fans a link to someone else's site), so a server that
     * verifies email addresses refuses to start without {@code ticketrush.account.public-url}.
     */
    static void requirePublicUrl(VerificationSettings settings, boolean embedded) {
        if (!embedded && settings.emailVerification() && settings.publicUrl().isBlank()) {
            throw new IllegalStateException("ticketrush.account.public-url (TICKETRUSH_PUBLIC_URL) must be set: "
                    + "the address of the site in verification mails, e.g. https://tickets.example.com");
        }
    }

    private String siteUrl() {
        if (!settings.publicUrl().isBlank()) {
            return settings.publicUrl().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
