# One image per module of Ground Game, built from this repository:
#
#   docker build --build-arg MODULE=endorsement-service -t groundgame/endorsement-service .
#
# MODULE is one of endorsement-service, volunteer-service, campaign-training-service,
# notification-service, identity-service, gateway, or local-platform (whose image only seeds demo data: `seed --gateway URL`).
# docker-compose.yml builds them all.

# ---- build: the module and what it depends on, with the Maven wrapper, tests skipped ----
FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The Maven repository is a build cache shared by every module's image (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "Build with --build-arg MODULE=<module>" >&2; exit 1; }; \
    ./mvnw -q -B -DskipTests -Dspring-javaformat.validate.skip=true -pl "${MODULE}" -am package \
    && mkdir -p /out \
    && cp "${MODULE}/target/${MODULE}.jar" /out/app.jar \
    && if [ -d "${MODULE}/target/lib" ]; then cp -r "${MODULE}/target/lib" /out/lib; fi

# ---- run: a JRE and the jar, as an unprivileged user ----
FROM eclipse-temurin:21-jre
ARG MODULE
LABEL org.opencontainers.image.title="Ground Game ${MODULE}" \
      org.opencontainers.image.source="https://github.com/ground-game/ground-game" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
RUN groupadd --system groundgame \
    && useradd --system --gid groundgame --no-create-home --home-dir /app --shell /usr/sbin/nologin groundgame
WORKDIR /app
COPY --from=build --chown=root:root /out/ /app/
USER groundgame
# The container's memory limit sizes the heap; a JVM out of memory exits so that it is restarted.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
