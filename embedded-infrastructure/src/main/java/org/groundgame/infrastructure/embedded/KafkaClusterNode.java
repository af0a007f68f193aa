package org.groundgame.infrastructure.embedded;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One node of a Kafka cluster in KRaft mode, broker and controller at once: its id, its
 * two ports on 127.0.0.1, the cluster's id and every voter of the controller quorum.
 * Topics get as many replicas as there are nodes, at most three, and a write needs two of
 * them ({@code min.insync.replicas}) once there are at least three.
 *
 * @param nodeId this node's id, one of the voters'
 * @param port the port for clients
 * @param controllerPort the port of this node's controller
 * @param clusterId the id every node of the cluster is formatted with; empty for a single
 * node, which makes its own
 * @param voters every node of the quorum, this one included
 */
public record KafkaClusterNode(int nodeId, int port, int controllerPort, Optional<String> clusterId,
		List<Voter> voters) {

	/** The most replicas a topic gets, however many nodes there are. */
	private static final int MAX_REPLICAS = 3;

	public KafkaClusterNode {
		Objects.requireNonNull(clusterId, "clusterId");
		voters = List.copyOf(voters);
		if (voters.stream()
			.noneMatch((voter) -> voter.nodeId() == nodeId && voter.controllerPort() == controllerPort)) {
			throw new IllegalArgumentException(
					"Node " + nodeId + " on controller port " + controllerPort + " is not among the voters " + voters);
		}
		if (voters.size() > 1 && clusterId.isEmpty()) {
			throw new IllegalArgumentException("The nodes of a cluster of " + voters.size() + " need its id");
		}
	}

	/**
	 * A cluster of one.
	 * @param nodeId its id
	 * @param port the port for clients
	 * @param controllerPort the port of its controller
	 * @return the node
	 */
	public static KafkaClusterNode single(int nodeId, int port, int controllerPort) {
		return new KafkaClusterNode(nodeId, port, controllerPort, Optional.empty(),
				List.of(new Voter(nodeId, controllerPort)));
	}

	/**
	 * The replicas of every topic.
	 * @return as many as there are nodes, at most three
	 */
	public int replicationFactor() {
		return Math.min(MAX_REPLICAS, this.voters.size());
	}

	/**
	 * The replicas that must have a write before an {@code acks=all} producer hears it
	 * was written.
	 * @return two once there are three replicas, so that one node may be down; otherwise
	 * one
	 */
	public int minInSyncReplicas() {
		return (replicationFactor() >= MAX_REPLICAS) ? 2 : 1;
	}

	/**
	 * The {@code controller.quorum.voters} setting.
	 * @return e.g. {@code 1@127.0.0.1:19092,2@127.0.0.1:19093}
	 */
	public String quorumVoters() {
		return this.voters.stream()
			.map((voter) -> voter.nodeId() + "@" + Ports.LOOPBACK + ":" + voter.controllerPort())
			.collect(Collectors.joining(","));
	}

	/**
	 * A voter of the controller quorum.
	 *
	 * @param nodeId its node id
	 * @param controllerPort the port of its controller, on 127.0.0.1
	 */
	public record Voter(int nodeId, int controllerPort) {

		/**
		 * Reads a voter as {@link KafkaClusterNode#quorumVoters()} writes it.
		 * @param text e.g. {@code 2@127.0.0.1:19093}
		 * @return the voter
		 */
		public static Voter parse(String text) {
			int at = text.indexOf('@');
			int colon = text.lastIndexOf(':');
			if (at <= 0 || colon <= at) {
				throw new IllegalArgumentException("Not a voter (id@host:port): " + text);
			}
			return new Voter(Integer.parseInt(text.substring(0, at)), Integer.parseInt(text.substring(colon + 1)));
		}

	}

}
