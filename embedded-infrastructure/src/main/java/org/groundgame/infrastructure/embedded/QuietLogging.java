package org.groundgame.infrastructure.embedded;

import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' own loggers down to WARN: an in-process broker logs
 * hundreds of INFO lines on every start, and mongo-java-server one per connection, that
 * nobody running the platform or its tests needs. A level that the application set
 * explicitly (say {@code logging.level.kafka=INFO}) is left as it is. Works when Logback
 * is the SLF4J backend (as in every Spring Boot application); with any other backend,
 * configure those loggers there.
 */
final class QuietLogging {

	/** The broker and controller, its state-change log, and its embedded clients. */
	static final List<String> KAFKA = List.of("kafka", "state.change.logger", "org.apache.kafka");

	static final List<String> MONGO_JAVA_SERVER = List.of("de.bwaldvogel.mongo");

	private static final boolean LOGBACK_PRESENT = isPresent("ch.qos.logback.classic.Logger");

	private QuietLogging() {
	}

	static void quiet(List<String> loggers) {
		if (LOGBACK_PRESENT) {
			Logback.quiet(LoggerFactory.getILoggerFactory(), loggers);
		}
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, QuietLogging.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static final class Logback {

		static void quiet(ILoggerFactory factory, List<String> loggers) {
			if (!(factory instanceof ch.qos.logback.classic.LoggerContext context)) {
				return;
			}
			for (String name : loggers) {
				ch.qos.logback.classic.Logger logger = context.getLogger(name);
				if (logger.getLevel() == null) {
					logger.setLevel(ch.qos.logback.classic.Level.WARN);
				}
			}
		}

	}

}
