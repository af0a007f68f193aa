package org.groundgame.identity.person;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PersonRepository extends MongoRepository<PersonDocument, String> {

	Optional<PersonDocument> findByUsername(String username);

}
