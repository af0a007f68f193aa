package org.groundgame.volunteer.volunteer;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface VolunteerRepository extends MongoRepository<VolunteerDocument, String> {

	Optional<VolunteerDocument> findByEmailKey(String emailKey);

}
