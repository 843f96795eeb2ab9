package io.ticketrush.promotion;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Presale access codes: twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * 60 random bits, shown as {@code ABCD-EFGH-JKMN} and stored without dashes. What a fan types is
 * normalised the same way, so case, spaces and dashes do not matter.
 */
final class AccessCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    static String normalise(String typed) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                code.append(c);
            }
        }
        return code.toString();
    }

    static String display(String stored) {
        return stored.length() != LENGTH ? stored
                : stored.substring(0, 4) + "-" + stored.substring(4, 8) + "-" + stored.substring(8);
    }
}
