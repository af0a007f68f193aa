package org.groundgame.identity.key;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SigningKeyRepository extends MongoRepository<SigningKeyDocument, String> {

}
