package org.groundgame.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What one rendering of the chart holds, each object read strictly into its model
 * ({@link StrictModel}).
 */
record RenderedObjects(List<Object> objects) {

	static RenderedObjects read(List<JsonNode> documents) {
		List<Object> objects = new ArrayList<>();
		for (JsonNode document : documents) {
			objects.add(StrictModel.read(document));
		}
		return new RenderedObjects(List.copyOf(objects));
	}

	<T> List<T> all(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
		return all(type).stream().filter((object) -> object.getMetadata().getName().equals(name)).findFirst();
	}

	<T extends HasMetadata> T one(Class<T> type, String name) {
		return named(type, name)
			.orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " " + name + " rendered"));
	}

	List<GenericKubernetesResource> generic(String kind) {
		return all(GenericKubernetesResource.class).stream().filter((object) -> object.getKind().equals(kind)).toList();
	}

	List<String> kinds() {
		return this.objects.stream()
			.map((object) -> (object instanceof HasMetadata resource) ? resource.getKind()
					: object.getClass().getName())
			.distinct()
			.sorted()
			.toList();
	}

}
