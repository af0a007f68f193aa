package org.groundgame.training.cohort;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CohortRepository extends MongoRepository<CohortDocument, String> {

}
