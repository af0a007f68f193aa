package org.groundgame.endorsement.questionnaire;

import org.springframework.data.mongodb.repository.MongoRepository;

interface QuestionnaireRepository extends MongoRepository<QuestionnaireDocument, Integer> {

}
