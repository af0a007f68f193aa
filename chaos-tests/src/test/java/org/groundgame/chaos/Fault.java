package org.groundgame.chaos;

import java.time.Duration;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;

/**
 * One fault the run injects with real processes, and what "recovered" means after it.
 */
interface Fault {

	/** How long a killed part may take to be back. */
	Duration RECOVERY = Duration.ofMinutes(3);

	/** What the report calls it. */
	String name();

	/**
	 * Injects the fault and waits until the part is back.
	 * @param platform the platform in the cluster's shape
	 */
	void injectAndAwaitRecovery(LocalPlatform platform);

	/**
	 * {@code kill -9} of one Kafka node in the middle of the stream; its supervisor
	 * starts it again and it catches up as a follower.
	 * @param node 1 to 3
	 * @return the fault
	 */
	static Fault kafkaNode(int node) {
		return new Fault() {

			@Override
			public String name() {
				return "kill -9 of Kafka node " + node;
			}

			@Override
			public void injectAndAwaitRecovery(LocalPlatform platform) {
				long killed = platform.kafkaNodePid(node);
				platform.killKafkaNode(node);
				long deadline = System.nanoTime() + RECOVERY.toNanos();
				while (platform.kafkaNodePid(node) == killed || platform.kafkaNodePid(node) == -1) {
					if (System.nanoTime() - deadline > 0) {
						throw new IllegalStateException("Kafka node " + node + " was not started again");
					}
					Thread.onSpinWait();
				}
				platform.awaitKafkaBrokers(3, RECOVERY);
			}

		};
	}

	/**
	 * {@code kill -9} of one instance of a service while it serves the stream's requests
	 * and consumes its events; its supervisor restarts it.
	 * @param service the service
	 * @param instance 1 or 2
	 * @return the fault
	 */
	static Fault instance(Service service, int instance) {
		return new Fault() {

			@Override
			public String name() {
				return "kill -9 of " + service + " #" + instance;
			}

			@Override
			public void injectAndAwaitRecovery(LocalPlatform platform) {
				platform.kill(service, instance);
				platform.awaitHealthy(service, instance, RECOVERY);
			}

		};
	}

	/**
	 * {@code kill -9} of one consumer in the middle of a rebalance: one instance is
	 * killed and restarted, and the moment it is back (its consumers rejoining the group,
	 * which rebalances the partitions) the other is killed too.
	 * @param service the service whose consumer group rebalances
	 * @return the fault
	 */
	static Fault duringRebalance(Service service) {
		return new Fault() {

			@Override
			public String name() {
				return "kill -9 of " + service + " #2 as #1 rejoins its consumer group";
			}

			@Override
			public void injectAndAwaitRecovery(LocalPlatform platform) {
				platform.kill(service, 1);
				platform.awaitHealthy(service, 1, RECOVERY);
				platform.kill(service, 2);
				platform.awaitHealthy(service, 2, RECOVERY);
			}

		};
	}

}
