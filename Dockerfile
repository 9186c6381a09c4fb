# syntax=docker/dockerfile:1
# The portal as a container image: built here with the Maven wrapper, run on a JRE as a non-root
# user from Spring Boot's layers, so that a code change rebuilds only the application's layer and
# the cache made from it.
# Alternative without a Dockerfile: ./mvnw spring-boot:build-image (Cloud Native Buildpacks).

# Maven runs on the JDK 25 that the build's toolchain asks for; the bytecode stays at release 17.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY frontend/ frontend/
# the Maven repository stays in a BuildKit cache between builds
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
	&& cp target/pod-composer-*.jar application.jar \
	&& java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
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
COPY scripts/launch.sh ./
# The JVM's ahead-of-time cache, made as root by a training run of the extracted jar (the portal
# started on a throwaway database, used and stopped) and kept in application.launch/; each start
# maps the classes loaded and linked there, with the context worked out at build time (Spring
# AOT). The start-up to ready is in docs/PERFORMANCE.md.
RUN ./launch.sh --prepare application.jar
USER 10001:10001
ENV PODCOMPOSER_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
# The JRE image has no curl: bash opens the socket itself and looks for the UP in the answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/liveness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# launch.sh starts java with the cache and the memory options for a container (the heap a share
# of the container's limit, the serial collector, compact object headers; see the script and
# docs/PERFORMANCE.md). More JVM options go in JAVA_OPTS or JAVA_TOOL_OPTIONS: options that change
# what the cache holds (another collector, no compact headers, a module added) leave it unused,
# as the image cannot remake it, with a warning at start.
ENTRYPOINT ["./launch.sh", "application.jar"]
