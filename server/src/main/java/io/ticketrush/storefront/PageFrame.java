package io.ticketrush.storefront;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.NamedInterface;

/**
 * Marks a page controller whose views are drawn in the shared page frame ({@code fragments/layout.html}):
 * its model gets who is signed in ({@code me}), the current {@code path} and the link to the other
 * language; a {@code DomainException} or a malformed id on its routes becomes the problem page in the
 * reader's language instead of a problem+json document. The storefront's and the console's page
 * controllers carry it; a controller without it gets none of this (the JSON API's controllers).
 * Part of the storefront's {@code frame} interface, which the console declares as
 * {@code "storefront :: frame"}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@NamedInterface("frame")
public @interface PageFrame {
}
