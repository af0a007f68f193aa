# One image per module of Ground Game, built from this repository:
#
#   docker build --build-arg MODULE=endorsement-service -t groundgame/endorsement-service .
#
# MODULE is one of endorsement-service, volunteer-service, campaign-training-service,
# notification-service, identity-service, web, gateway, or local-platform (whose image only seeds demo data: `seed --gateway URL`).
# docker-compose.yml builds them all.

# ---- build: the module and what it depends on, with the Maven wrapper, tests skipped ----
# A Spring Boot jar is then extracted the way Spring Boot documents for container images
# ("Efficient Container Images": java -Djarmode=tools -jar app.jar extract --layers): a plain app.jar whose
# manifest names its libraries in lib/, so that the JVM loads classes from a plain class path rather than
# through the fat jar's nested-jar class loader, which deadlocks with virtual threads on JDK 25
# (spring-boot issues 51379 and 51463), and starts faster; in four layers, from the least to the most
# often changed, so that a code change rebuilds and ships only the last. local-platform is a plain jar
# with its libraries in lib/ already: it is laid out the same way.
#
# The JDK is 25 in every stage: its ahead-of-time cache (below) needs it, and a cache is bound to the
# very JVM that made it, so the training stage runs on the run stage's own JRE image.
FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The Maven repository is a build cache shared by every module's image (BuildKit). local-platform is
# built too: its in-process broker and store serve the training run below.
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "Build with --build-arg MODULE=<module>" >&2; exit 1; }; \
    modules="${MODULE}"; [ "${MODULE}" = local-platform ] || modules="${MODULE},local-platform"; \
    ./mvnw -q -B -DskipTests -Dspring-javaformat.validate.skip=true -pl "${modules}" -am package \
    && mkdir -p /trainer && cp -r local-platform/target/local-platform.jar local-platform/target/lib /trainer/ \
    && cp "${MODULE}/target/${MODULE}.jar" /workspace/app.jar \
    && if [ -d "${MODULE}/target/lib" ]; then \
         mkdir -p /out/dependencies /out/spring-boot-loader /out/snapshot-dependencies /out/application \
         && cp -r "${MODULE}/target/lib" /out/dependencies/lib \
         && cp /workspace/app.jar /out/application/app.jar; \
       else \
         java -Djarmode=tools -jar /workspace/app.jar extract --layers --destination /out; \
       fi

# ---- train: the application's AOT cache (JDK 25: JEP 483, 514, 515) ----
# The classes a start loads, parsed and linked once here and mapped from /app/aot/app.aot at every start:
# Spring Boot's documented training run (-XX:AOTCacheOutput, -Dspring.context.exit=onRefresh: it stops
# once the application context is refreshed, before anything is served or consumed). The refresh needs a
# database (each store creates its indexes) and a broker, which an image build has not: local-platform's
# `aot-cache` command starts its in-process MongoDB-wire store and Kafka broker for the run (random
# secrets, thrown away with the stage). Same JRE image, same /app paths and JAVA_TOOL_OPTIONS as the run
# stage, which the cache is bound to. A failed training run leaves the image without a cache (it starts
# as before), and so does local-platform's own image (it only seeds).
FROM eclipse-temurin:25-jre AS train
ARG MODULE
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
COPY --from=build /out/dependencies/ /app/
COPY --from=build /out/spring-boot-loader/ /app/
COPY --from=build /out/snapshot-dependencies/ /app/
COPY --from=build /out/application/ /app/
COPY --from=build /trainer/ /trainer/
RUN mkdir -p /aot && : > /aot/java-options \
    && if [ "${MODULE}" != local-platform ]; then \
         if java --sun-misc-unsafe-memory-access=allow -jar /trainer/local-platform.jar aot-cache \
              --service "${MODULE}" --jar /app/app.jar --output /aot/app.aot; then \
           echo "-XX:AOTCache=/app/aot/app.aot" > /aot/java-options; \
         else \
           echo "No AOT cache for ${MODULE}: it starts without one" >&2; rm -f /aot/app.aot; \
         fi; \
       fi

# ---- run: a JRE and the extracted application, as an unprivileged user ----
FROM eclipse-temurin:25-jre
ARG MODULE
LABEL org.opencontainers.image.title="Ground Game ${MODULE}" \
      org.opencontainers.image.source="https://github.com/ground-game/ground-game" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
RUN groupadd --system groundgame \
    && useradd --system --gid groundgame --no-create-home --home-dir /app --shell /usr/sbin/nologin groundgame
WORKDIR /app
# One image layer per Spring Boot layer, the least often changed first.
COPY --from=build --chown=root:root /out/dependencies/ /app/
COPY --from=build --chown=root:root /out/spring-boot-loader/ /app/
COPY --from=build --chown=root:root /out/snapshot-dependencies/ /app/
COPY --from=build --chown=root:root /out/application/ /app/
# The AOT cache (if the training stage made one) and the option that uses it, read by java from the file.
COPY --from=train --chown=root:root /aot/ /app/aot/
USER groundgame
# The container's memory limit sizes the heap; a JVM out of memory exits so that it is restarted.
# Full tiered compilation (C1 then C2, the JVM's default), unlike the local launcher's C1 only: a container
# starts once and then serves every request of its life, and its start-up is paid once per deployment,
# mostly by the AOT cache's work (local-platform/README.md, "Start-up and memory", has both side by side).
# The garbage collector is the JVM's choice: Serial under compose's 512 MB limit, G1 with more room.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# app.jar is the extracted application jar, not the fat jar: its manifest's Class-Path names lib/*.jar.
ENTRYPOINT ["java", "@/app/aot/java-options", "-jar", "/app/app.jar"]
