/**
 * The events of campaign-training-service (the Campaign Leadership School), on
 * {@link org.groundgame.events.Topics#TRAINING}, all keyed by the cohort.
 */
package org.groundgame.events.training;
