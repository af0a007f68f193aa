package org.groundgame.endorsement.nomination;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.groundgame.endorsement.nomination.domain.UsState;

/**
 * The two-letter code of a US state, the District of Columbia or a territory, in either
 * case. A missing value is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = UsStateCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface UsStateCode {

	String message() default "must be the two-letter code of a US state, DC or a US territory";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<UsStateCode, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || UsState.fromCode(value).isPresent();
		}

	}

}
