package org.groundgame.benchmarks.platform;

import org.springframework.data.mongodb.repository.MongoRepository;

interface BenchChapters extends MongoRepository<BenchChapter, String> {

}
