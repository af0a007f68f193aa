package org.groundgame.endorsement.questionbank;

import java.util.List;

/**
 * The questions national staff ask the candidates of a cycle, as the questionnaire issued
 * to a candidate shows them.
 */
public interface QuestionBank {

	/**
	 * The questions of a cycle, in the order staff put them.
	 * @param cycle the election year
	 * @return the questions, empty when staff have set none for that cycle
	 */
	List<BankQuestion> questions(int cycle);

}
