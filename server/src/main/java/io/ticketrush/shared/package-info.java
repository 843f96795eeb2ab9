/**
 * Value types every module may use: ids, the typed domain failure that becomes problem+json,
 * and access to the authenticated caller.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.ticketrush.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
