package org.groundgame.endorsement.questionbank;

/**
 * One question of a cycle's bank.
 *
 * @param id stable across revisions of the bank, so that an answer names the question it
 * answers
 * @param text what the candidate reads
 * @param kind how the candidate answers it
 */
public record BankQuestion(String id, String text, AnswerKind kind) {

}
