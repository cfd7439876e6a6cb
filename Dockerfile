# syntax=docker/dockerfile:1
# Builds the platform from source and runs it as a non-root user on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package -pl web-ui -am \
 && java -Djarmode=tools -jar web-ui/target/sms-campaign-platform.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home sms
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Uploaded CSV files wait here; several replicas share it as a volume (docker-compose.replicas.yml).
RUN mkdir -p /var/lib/sms/imports && chown sms /var/lib/sms/imports
USER sms
# 8080 pages, API and webhooks; 8081 the redirector of link hosts; 8082 probes and metrics.
EXPOSE 8080 8081 8082
# The throughput collector, with the heap committed from the start: a young generation of a third
# of it collects every ~12 s under a sending campaign rather than every ~3 s (benchmarks/fault-suite).
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:InitialRAMPercentage=75", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
