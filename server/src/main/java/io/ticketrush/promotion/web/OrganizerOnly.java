package io.ticketrush.promotion.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The endpoint is for organizers: checked before the request body is read, so others get 403 whatever they send. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface OrganizerOnly {
}
