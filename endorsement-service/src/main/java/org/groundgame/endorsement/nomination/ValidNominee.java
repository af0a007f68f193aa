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

/**
 * A nomination entry names exactly one nominee (a {@code candidate} or a
 * {@code ballotMeasure} position) and one race (a {@code race} or the {@code raceId} of a
 * known one), and a candidate race says its office. Each fault is reported at its field,
 * beside every other field at fault.
 */
@Documented
@Constraint(validatedBy = ValidNominee.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNominee {

	String message() default "is not a valid nomination";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** What the constraint looks at. */
	interface Entry {

		SubmitNominationRequest.CandidateFields candidate();

		SubmitNominationRequest.BallotMeasureFields ballotMeasure();

		String raceId();

		SubmitNominationRequest.RaceFields race();

		default boolean hasCandidate() {
			return candidate() != null;
		}

		default boolean hasBallotMeasure() {
			return ballotMeasure() != null;
		}

		default boolean hasRace() {
			return race() != null;
		}

		/** The race's office as given, or {@code null}. */
		default String raceOffice() {
			return (race() != null) ? race().office() : null;
		}

	}

	class Validator implements ConstraintValidator<ValidNominee, Entry> {

		@Override
		public boolean isValid(Entry entry, ConstraintValidatorContext context) {
			if (entry == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (!entry.hasCandidate() && !entry.hasBallotMeasure()) {
				valid = fault(context, "must not be null (or give a ballotMeasure instead)", "candidate");
			}
			if (entry.hasCandidate() && entry.hasBallotMeasure()) {
				valid = fault(context, "give either a candidate or a ballotMeasure, not both", "ballotMeasure");
			}
			if (!entry.hasRace() && (entry.raceId() == null || entry.raceId().isBlank())) {
				valid = fault(context, "must not be null (or name a known raceId instead)", "race");
			}
			if (entry.hasRace() && entry.raceId() != null) {
				valid = fault(context, "give either a race or a raceId, not both", "raceId");
			}
			if (entry.hasRace() && !entry.hasBallotMeasure()
					&& (entry.raceOffice() == null || entry.raceOffice().isBlank())) {
				valid = fault(context, "must not be blank", "race", "office");
			}
			return valid;
		}

		private static boolean fault(ConstraintValidatorContext context, String message, String... path) {
			ConstraintValidatorContext.ConstraintViolationBuilder builder = context
				.buildConstraintViolationWithTemplate(message);
			ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext node = builder
				.addPropertyNode(path[0]);
			for (int i = 1; i < path.length; i++) {
				node = node.addPropertyNode(path[i]);
			}
			node.addConstraintViolation();
			return false;
		}

	}

}
