# syntax=docker/dockerfile:1
# The portal as a container image: built here with the Maven wrapper, run on a JRE as a non-root
# user from Spring Boot's layers, so that a code change rebuilds only the last, small layer.
# Alternative without a Dockerfile: ./mvnw spring-boot:build-image (Cloud Native Buildpacks).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY frontend/ frontend/
# the Maven repository stays in a BuildKit cache between builds
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
	&& cp target/pod-composer-*.jar application.jar \
	&& java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# a fixed numeric id, so that Kubernetes can check runAsNonRoot
RUN groupadd --system --gid 10001 podcomposer \
	&& useradd --system --uid 10001 --gid podcomposer --no-create-home --home-dir /nonexistent podcomposer \
	&& mkdir /data && chown podcomposer:podcomposer /data
WORKDIR /application
# least often changed first
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
# Class-data sharing: a training run starts the application context and stops, recording the
# classes it loaded; each start then maps them instead of reading them anew. With the context
# worked out at build time (Spring AOT), start-up takes a third of a plain java -jar (docs/PERFORMANCE.md).
RUN PODCOMPOSER_DATA_DIR=/tmp/training java -XX:ArchiveClassesAtExit=application.jsa -Dspring.aot.enabled=true \
	-Dspring.context.exit=onRefresh -jar application.jar \
	&& rm -rf /tmp/training
USER 10001:10001
ENV PODCOMPOSER_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
# The JRE image has no curl: bash opens the socket itself and looks for the UP in the answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/liveness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# The heap follows the container's memory limit: half of it, as the rest of the process (class
# metadata, compiled code, threads) takes about 250 MiB; at 75 % the process reached 737 MiB of a
# 768 MiB limit under load. More flags go in JAVA_TOOL_OPTIONS. The serial
# collector, as the JVM itself picks under 2 GiB: on two cores or fewer it keeps up, and G1's own
# structures cost 40 MiB of memory (docs/PERFORMANCE.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", \
	"-XX:SharedArchiveFile=application.jsa", "-Dspring.aot.enabled=true", "-jar", "application.jar"]
