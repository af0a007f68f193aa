package org.groundgame.support.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON: each value in its own JSON type. A number or a boolean is
 * not a string ({@code "name": 12345} is refused, not stored as {@code "12345"}), a
 * string is not a number or a boolean, a fraction is not an integer, an enum is one of
 * its names (never its ordinal: {@code "level": 0} is refused), a date is written as one
 * and not as a count of days, and no string carries {@link SafeText unsafe characters}.
 * Each refusal is a {@code 400} naming the field ({@code candidate.name},
 * {@code shifts[0].capacity}).
 */
public final class StrictJson {

	private StrictJson() {
	}

	/**
	 * Makes a mapper strict.
	 * @param builder the builder of the mapper Spring MVC reads bodies with
	 */
	public static void configure(JsonMapper.Builder builder) {
		builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.defaultLeniency(false)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.addModule(new SimpleModule("groundgame-strict-strings").addDeserializer(String.class,
					new StrictStringDeserializer()));
	}

}
