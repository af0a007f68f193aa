package org.groundgame.endorsement.nomination;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.groundgame.endorsement.race.domain.Race;

/**
 * An election day that has not passed yet, by the application's clock and the domain's
 * rule (so the answer lists it with every other field at fault; the domain checks it
 * again).
 */
@Documented
@Constraint(validatedBy = NotInThePast.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface NotInThePast {

	String message() default "must not be in the past";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Created by Spring's constraint validator factory, which injects the clock. */
	class Validator implements ConstraintValidator<NotInThePast, LocalDate> {

		private final Clock clock;

		Validator(Clock clock) {
			this.clock = clock;
		}

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			return value == null || !Race.hasPassed(value, this.clock);
		}

	}

}
