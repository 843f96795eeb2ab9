package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiscountTest {

    @Test
    void fixedTakesItsValueButNeverMoreThanTheOrder() {
        Discount fiveThousand = new Discount(DiscountType.FIXED, 5_000);
        assertThat(fiveThousand.off(150_000)).isEqualTo(5_000);
        assertThat(fiveThousand.off(5_000)).isEqualTo(5_000);
        assertThat(fiveThousand.off(3_000)).as("never below 0").isEqualTo(3_000);
        assertThat(fiveThousand.off(0)).isZero();
    }

    @Test
    void percentRoundsDownToWholeWon() {
        assertThat(new Discount(DiscountType.PERCENT, 15).off(99_000)).isEqualTo(14_850);
        assertThat(new Discount(DiscountType.PERCENT, 10).off(12_345)).isEqualTo(1_234);   // 1234.5
        assertThat(new Discount(DiscountType.PERCENT, 33).off(1_001)).isEqualTo(330);      // 330.33
        assertThat(new Discount(DiscountType.PERCENT, 1).off(99)).isZero();                // 0.99
        assertThat(new Discount(DiscountType.PERCENT, 100).off(165_000)).isEqualTo(165_000);
    }

    @Test
    void theOrderAmountNeverGoesBelowZero() {
        for (long subtotal : new long[] {0, 1, 999, 10_000, 143_000, 1_000_000_000}) {
            for (Discount d : new Discount[] {new Discount(DiscountType.FIXED, 50_000), new Discount(DiscountType.PERCENT, 100),
                    new Discount(DiscountType.PERCENT, 7)}) {
                long off = d.off(subtotal);
                assertThat(off).isBetween(0L, subtotal);
                assertThat(subtotal - off).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void aDiscountMustMakeSense() {
        assertThatThrownBy(() -> new Discount(DiscountType.PERCENT, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discount(DiscountType.FIXED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discount(DiscountType.PERCENT, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessCodesIgnoreCaseSpacesAndDashes() {
        String code = AccessCodes.next();
        assertThat(code).hasSize(12).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}");
        String shown = AccessCodes.display(code);
        assertThat(shown).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(AccessCodes.normalise(" " + shown.toLowerCase() + " ")).isEqualTo(code);
    }
}
