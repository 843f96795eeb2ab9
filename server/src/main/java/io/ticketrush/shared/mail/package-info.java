/** The outgoing-mail port (see {@link io.ticketrush.shared.mail.OutgoingMail}). */
@NullMarked
package io.ticketrush.shared.mail;

import org.jspecify.annotations.NullMarked;
