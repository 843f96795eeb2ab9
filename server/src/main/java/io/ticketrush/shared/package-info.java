/**
 * Value types every module may use: ids, the typed domain failure that becomes problem+json,
 * access to the authenticated caller, and a keyed HMAC-SHA256 for the tokens modules sign.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.ticketrush.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
