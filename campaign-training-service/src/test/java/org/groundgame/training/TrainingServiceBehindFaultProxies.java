package org.groundgame.training;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.groundgame.test.proxy.FaultProxiedInfrastructure;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The second Spring context of the module's integration tests, for the tests of faults:
 * the whole service with its store and its broker behind fault proxies
 * ({@link FaultProxiedInfrastructure}), in a database of its own so that the module's
 * other context leaves its documents alone. Every fault test class uses this annotation
 * and nothing else, so the context is started once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.mongodb.database=groundgame-training-faults")
@AutoConfigureRestTestClient
@Import(FaultProxiedInfrastructure.class)
public @interface TrainingServiceBehindFaultProxies {

}
