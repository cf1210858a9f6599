# The jar as a container: build it first (./mvnw -B package -DskipTests), then
#   docker build -t candor:0.1.0 .
# The JVM sizes its heap from the container's memory limit (JAVA_TOOL_OPTIONS in k8s/deployment.yaml).
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /home/candor candor
WORKDIR /home/candor
COPY target/candor.jar /opt/candor/candor.jar
USER candor
# HTTP and WebSockets, cluster remoting, Pekko Management (probes, bootstrap).
EXPOSE 8000 7355 7626
# G1 whatever the pod's size (below 2 CPUs or 1792 MB the JVM would pick the serial collector, which stops every
# interview for each collection); its pauses go to the container's log with the node's own.
ENTRYPOINT ["java", "-XX:+UseG1GC", "-Xlog:gc:stdout:time,uptime", "-jar", "/opt/candor/candor.jar"]
