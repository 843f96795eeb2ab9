package io.ticketrush.payment.sandbox;

import io.ticketrush.payment.sandbox.persistence.IdempotencyRows;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Toss Payments' Idempotency-Key rule: a repeated request with the same key (for the same
 * endpoint) is not carried out again but gets the first reply, error replies included. The key,
 * the state change and the stored reply commit together; a concurrent repeat waits for them.
 */
@Component
@ConditionalOnSandbox
class IdempotentReplies {

    private final TransactionTemplate transactions;
    private final IdempotencyRows rows;
    private final Clock clock;

    IdempotentReplies(TransactionTemplate transactions, IdempotencyRows rows, Clock clock) {
        this.transactions = transactions;
        this.rows = rows;
        this.clock = clock;
    }

    /** Carries out {@code work} in a transaction, once per key and endpoint when a key is given. */
    GatewayReply once(@Nullable String key, String endpoint, Supplier<GatewayReply> work) {
        return Objects.requireNonNull(transactions.execute(tx -> {
            if (key == null) {
                return answer(work);
            }
            if (!rows.claim(key, endpoint, clock.instant())) {
                return rows.reply(key, endpoint).replayed();
            }
            GatewayReply reply = answer(work);
            rows.record(key, endpoint, reply);
            return reply;
        }));
    }

    private static GatewayReply answer(Supplier<GatewayReply> work) {
        try {
            return work.get();
        } catch (GatewayRefusal refusal) {
            return refusal.reply();
        }
    }
}
