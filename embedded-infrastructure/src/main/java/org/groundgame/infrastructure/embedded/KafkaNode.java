package org.groundgame.infrastructure.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * One node of a Kafka cluster as a process of its own: what {@code ./run-local.sh
 * --cluster} starts three times, so that one can be killed ({@code kill -9}) while the
 * others go on. It runs until it is stopped: a {@code SIGTERM} stops the broker
 * gracefully, a {@code SIGKILL} leaves its data as a crash would.
 * <p>
 * {@code java -cp ... org.groundgame.infrastructure.embedded.KafkaNode --node-id=1
 * --port=9092 --controller-port=19092 --cluster-id=ID --voters=1@127.0.0.1:19092,...
 * --data-dir=DIR}
 */
public final class KafkaNode {

	/** The line printed once the broker is started, for whoever waits for it. */
	public static final String STARTED = "Kafka node started";

	private KafkaNode() {
	}

	public static void main(String[] arguments) throws InterruptedException {
		Map<String, String> options = options(arguments);
		int nodeId = Integer.parseInt(required(options, "node-id"));
		List<KafkaClusterNode.Voter> voters = Arrays.stream(required(options, "voters").split(","))
			.map(KafkaClusterNode.Voter::parse)
			.toList();
		KafkaClusterNode node = new KafkaClusterNode(nodeId, Integer.parseInt(required(options, "port")),
				Integer.parseInt(required(options, "controller-port")), Optional.of(required(options, "cluster-id")),
				voters);
		EmbeddedKafka kafka = EmbeddedKafka.startNode(Path.of(required(options, "data-dir")), node);
		System.out.println(STARTED + " (node " + nodeId + ") at " + kafka.bootstrapServers());
		System.out.flush();
		// The broker's shutdown hook stops it on SIGTERM; until then this thread waits.
		new CountDownLatch(1).await();
	}

	private static Map<String, String> options(String[] arguments) {
		Map<String, String> options = new HashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			if (!argument.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value, got " + argument);
			}
			options.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

}
