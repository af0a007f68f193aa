package org.groundgame.chaos;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a chaos run counted, and the table the suite prints (and the README keeps).
 *
 * @param sent the nominations sent
 * @param acknowledged those answered {@code 201}
 * @param notAcknowledged the others, by what they got instead (a status, or the exception
 * of a request that got no answer)
 * @param doneAnyway nominations stored although their answer never came
 * @param events the distinct events of the run's nominations on the endorsement topic
 * @param records their records, an event the relay published again counted again
 * @param lost acknowledged nominations missing an effect: not stored, no submitted event,
 * no inbox entry, or not readable
 * @param duplicated nominations with an effect more than once: two submitted events (two
 * event ids), or two entries in their chapter's inbox
 * @param faults each fault injected, when, and how long until the part was back
 * @param sending how long the stream took
 * @param longestPause the longest time without an acknowledgement
 */
record Report(int sent, int acknowledged, Map<String, Integer> notAcknowledged, int doneAnyway, int events, int records,
		Set<String> lost, Set<String> duplicated, List<ChaosRun.FaultOutcome> faults, Duration sending,
		Duration longestPause) {

	static Report of(int sent, Map<Integer, String> acknowledged, Map<Integer, String> refused,
			ChaosRun.Effects effects, List<ChaosRun.FaultOutcome> faults, Duration sending, Duration longestPause) {
		Set<String> acknowledgedIds = new HashSet<>(acknowledged.values());
		Set<String> lost = new HashSet<>();
		for (String id : acknowledgedIds) {
			boolean complete = effects.stored().contains(id)
					&& effects.topic().submitted().getOrDefault(id, Set.of()).size() == 1
					&& effects.inbox().getOrDefault(id, 0) == 1 && !effects.unreadable().contains(id);
			if (!complete) {
				lost.add(id);
			}
		}
		Set<String> duplicated = new HashSet<>();
		for (String id : effects.stored()) {
			if (effects.topic().submitted().getOrDefault(id, Set.of()).size() > 1
					|| effects.inbox().getOrDefault(id, 0) > 1) {
				duplicated.add(id);
			}
		}
		// Stored but never acknowledged: each must still have its effects once.
		for (String id : effects.stored()) {
			if (!acknowledgedIds.contains(id) && (effects.topic().submitted().getOrDefault(id, Set.of()).size() != 1
					|| effects.inbox().getOrDefault(id, 0) != 1)) {
				lost.add(id);
			}
		}
		Map<String, Integer> notAcknowledged = new TreeMap<>();
		refused.values().forEach((reason) -> notAcknowledged.merge(reason, 1, Integer::sum));
		int doneAnyway = (int) effects.stored().stream().filter((id) -> !acknowledgedIds.contains(id)).count();
		int events = effects.topic().events().values().stream().mapToInt(Set::size).sum();
		return new Report(sent, acknowledged.size(), notAcknowledged, doneAnyway, events, effects.topic().records(),
				lost, duplicated, List.copyOf(faults), sending, longestPause);
	}

	Duration longestRecovery() {
		return this.faults.stream().map(ChaosRun.FaultOutcome::recovery).max(Duration::compareTo).orElse(Duration.ZERO);
	}

	/** The table, in Markdown. */
	String table() {
		StringBuilder table = new StringBuilder();
		table.append(
				"| nominations sent | acknowledged | not acknowledged | stored without an answer | events (records) | faults | lost | duplicated | longest recovery | longest pause in acknowledgements |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|\n");
		table.append(String.format(Locale.ROOT,
				"| %,d | %,d | %s | %,d | %,d (%,d) | %d | **%d** | **%d** | %s | %s |%n", this.sent, this.acknowledged,
				notAcknowledgedText(), this.doneAnyway, this.events, this.records, this.faults.size(), this.lost.size(),
				this.duplicated.size(), seconds(longestRecovery()), seconds(this.longestPause)));
		table.append("\n| fault | at nomination | back in | acknowledged after |\n|---|---|---|---|\n");
		for (ChaosRun.FaultOutcome fault : this.faults) {
			table.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,d |%n", fault.name(), fault.atNomination(),
					seconds(fault.recovery()), fault.acknowledgedAfter()));
		}
		table.append(String.format(Locale.ROOT, "%nThe stream took %s (%.1f nominations/s).%n", seconds(this.sending),
				this.sent / Math.max(0.001, this.sending.toMillis() / 1000.0)));
		return table.toString();
	}

	private String notAcknowledgedText() {
		if (this.notAcknowledged.isEmpty()) {
			return "0";
		}
		int total = this.notAcknowledged.values().stream().mapToInt(Integer::intValue).sum();
		return total + " ("
				+ this.notAcknowledged.entrySet()
					.stream()
					.map((entry) -> entry.getValue() + "× " + entry.getKey())
					.collect(Collectors.joining(", "))
				+ ")";
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
