package org.groundgame.volunteer.hours;

/**
 * An entry of a leaderboard with its rank: 1 for the most hours; entries with equal hours
 * share a rank, and the next rank counts them all (1, 2, 2, 4).
 */
public record Ranked<T>(int rank, T entry) {

}
