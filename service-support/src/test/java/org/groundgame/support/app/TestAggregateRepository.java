package org.groundgame.support.app;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface TestAggregateRepository extends MongoRepository<TestAggregateDocument, String> {

}
