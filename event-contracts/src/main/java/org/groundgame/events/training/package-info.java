/**
 * The events of campaign-training-service (the Campaign Leadership School), on
 * {@link org.groundgame.events.Topics#TRAINING}: a cohort's roster keyed by the cohort; a
 * cohort alert ({@code CohortAlertRequested}, {@code CohortAlertDue}) keyed by the alert.
 */
package org.groundgame.events.training;
