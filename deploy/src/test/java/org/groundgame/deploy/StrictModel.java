package org.groundgame.deploy;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Reads a rendered object into its Kubernetes model and refuses every field the model
 * does not know, at any depth, and every value of the wrong type.
 * <p>
 * fabric8's and Strimzi's model classes keep what they do not know in an "additional
 * properties" map (a Jackson any-setter), so a plain {@code FAIL_ON_UNKNOWN_PROPERTIES}
 * catches nothing: the introspector below hides the any-setters (and any
 * {@code ignoreUnknown}), so an unknown field is the error Jackson raises for it, with
 * its path. fabric8's own serializer also turns a value of the wrong type into an
 * additional property (its UnmatchedFieldTypeModule); this plain mapper has no such
 * module and refuses it too.
 * <p>
 * MongoDBCommunity has no well-kept Java model: it is checked against the operator's CRD
 * schema instead ({@link CrdSchema}), its metadata still by fabric8's {@link ObjectMeta}.
 */
final class StrictModel {

	/** The kinds the chart renders, each with the class that reads it. */
	static final Map<String, Class<?>> KINDS = Map.of("v1/Service", Service.class, "apps/v1/Deployment",
			Deployment.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
			"autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
			"networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class, "networking.k8s.io/v1/Ingress", Ingress.class,
			"monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class, "kafka.strimzi.io/v1/Kafka", Kafka.class,
			"kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class, "kafka.strimzi.io/v1/KafkaTopic",
			KafkaTopic.class);

	static final String MONGODB_COMMUNITY = "mongodbcommunity.mongodb.com/v1/MongoDBCommunity";

	private static final ObjectMapper mapper = JsonMapper.builder()
		.annotationIntrospector(new RefusingIntrospector())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
		.build();

	private static final ObjectMapper generic = new ObjectMapper();

	private static final CrdSchema mongodbCommunitySchema = CrdSchema
		.load("/crds/mongodbcommunity.mongodb.com_mongodbcommunity.yaml", "v1");

	private StrictModel() {
	}

	static String kindOf(JsonNode object) {
		return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
	}

	/**
	 * The object in its model.
	 * @throws IllegalArgumentException naming the object and the field at fault if the
	 * model refuses it
	 */
	static Object read(JsonNode object) {
		String kind = kindOf(object);
		String name = kind + " " + object.path("metadata").path("name").asText();
		try {
			if (MONGODB_COMMUNITY.equals(kind)) {
				mapper.treeToValue(object.path("metadata"), ObjectMeta.class);
				mongodbCommunitySchema.check(object);
				// Checked: kept as fabric8's generic resource, whose spec is a map by
				// design.
				return generic.treeToValue(object, GenericKubernetesResource.class);
			}
			Class<?> type = KINDS.get(kind);
			if (type == null) {
				throw new IllegalArgumentException(name + ": a kind the validation does not know");
			}
			return mapper.treeToValue(object, type);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(name + " is refused: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Jackson's annotations as written, but no any-setter and no ignoring of unknown
	 * properties.
	 */
	private static final class RefusingIntrospector extends JacksonAnnotationIntrospector {

		@Override
		public Boolean hasAnySetter(Annotated annotated) {
			return Boolean.FALSE;
		}

		@Override
		public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
			return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
		}

	}

}
