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
FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The Maven repository is a build cache shared by every module's image (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "Build with --build-arg MODULE=<module>" >&2; exit 1; }; \
    ./mvnw -q -B -DskipTests -Dspring-javaformat.validate.skip=true -pl "${MODULE}" -am package \
    && cp "${MODULE}/target/${MODULE}.jar" /workspace/app.jar \
    && if [ -d "${MODULE}/target/lib" ]; then \
         mkdir -p /out/dependencies /out/spring-boot-loader /out/snapshot-dependencies /out/application \
         && cp -r "${MODULE}/target/lib" /out/dependencies/lib \
         && cp /workspace/app.jar /out/application/app.jar; \
       else \
         java -Djarmode=tools -jar /workspace/app.jar extract --layers --destination /out; \
       fi

# ---- run: a JRE and the extracted application, as an unprivileged user ----
FROM eclipse-temurin:21-jre
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
USER groundgame
# The container's memory limit sizes the heap; a JVM out of memory exits so that it is restarted.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# app.jar is the extracted application jar, not the fat jar: its manifest's Class-Path names lib/*.jar.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
