package io.ticketrush.payment.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/** The bean exists only when the sandbox gateway is on ({@code ticketrush.payment.sandbox.enabled=true}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnBooleanProperty("ticketrush.payment.sandbox.enabled")
public @interface ConditionalOnSandbox {
}
