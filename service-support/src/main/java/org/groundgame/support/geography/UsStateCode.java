package org.groundgame.support.geography;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated text is the two-letter code of a US state or territory ({@link UsState}),
 * in any case. {@code null} and blank text are valid: combine with {@code @NotBlank}
 * where the field is required, so that a missing code is reported once.
 */
@Documented
@Constraint(validatedBy = UsStateCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface UsStateCode {

	String message() default UsState.INVALID_MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the code against {@link UsState}. */
	class Validator implements ConstraintValidator<UsStateCode, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || UsState.fromCode(value).isPresent();
		}

	}

}
