package org.groundgame.identity.person;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PersonRepository extends MongoRepository<PersonDocument, String> {

}
