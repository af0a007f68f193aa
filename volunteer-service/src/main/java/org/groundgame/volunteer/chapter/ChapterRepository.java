package org.groundgame.volunteer.chapter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ChapterRepository extends MongoRepository<ChapterDocument, String> {

	Page<ChapterDocument> findByState(String state, Pageable pageable);

}
