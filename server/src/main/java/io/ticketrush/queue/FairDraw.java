package io.ticketrush.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The verifiable order of the pre-queue. At publication a random 32-byte seed is drawn and only
 * its SHA-256 (the commitment) is shown. At the sale opening the seed is revealed and every
 * entry of the pre-queue is ranked by {@code sha256(seed + ":" + entryId)} (hex, ascending):
 * anyone with the seed and the list of entry ids can recompute the order, and check the seed
 * against the commitment published before anyone could know it.
 */
public final class FairDraw {

    public static final String ALGORITHM = "rank = sha256(seedHex + \":\" + entryId) as lowercase hex; "
            + "order entries by rank ascending (ties by entryId); commitment = sha256(seedHex)";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FairDraw() {
    }

    public static String newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    public static String commitment(String seedHex) {
        return sha256Hex(seedHex);
    }

    public static String rank(String seedHex, String entryId) {
        return sha256Hex(seedHex + ":" + entryId);
    }

    /** The keys of {@code entries} (whatever they identify) in drawn order; values are the entry ids. */
    public static <K> List<K> order(String seedHex, Map<K, String> entries) {
        record Ranked<K>(K key, String entryId, String rank) {
        }
        List<Ranked<K>> ranked = new ArrayList<>(entries.size());
        entries.forEach((key, entryId) -> ranked.add(new Ranked<>(key, entryId, rank(seedHex, entryId))));
        ranked.sort(Comparator.comparing((Ranked<K> r) -> r.rank()).thenComparing(Ranked::entryId));
        return ranked.stream().map(Ranked::key).toList();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
