package org.groundgame.identity.client;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ClientRepository extends MongoRepository<ClientDocument, String> {

}
