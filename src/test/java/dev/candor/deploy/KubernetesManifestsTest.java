package dev.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests in {@code k8s/}, read with the Kubernetes model (no cluster here): what a typo or a drift between the
 * manifests and the node's settings would break.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of("k8s");
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{\\?([A-Z0-9_]+)}");
  /** Read by the JVM or the PostgreSQL image, not by application.conf. */
  private static final Set<String> NOT_OURS = Set.of("JAVA_TOOL_OPTIONS", "POSTGRES_DB", "POSTGRES_USER",
      "POSTGRES_PASSWORD", "PGDATA");

  private static final List<HasMetadata> RESOURCES = new ArrayList<>();
  private static Config settings;

  @BeforeAll
  static void read() throws Exception {
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<String> files = new ArrayList<>();
    Matcher listed = Pattern.compile("(?m)^  - (\\S+\\.yaml)$").matcher(Files.readString(K8S.resolve("kustomization.yaml")));
    while (listed.find()) {
      files.add(listed.group(1));
    }
    assertFalse(files.isEmpty());
    for (String file : files) {
      try (InputStream in = Files.newInputStream(K8S.resolve(file))) {
        Object parsed = serialization.unmarshal(in);
        if (parsed instanceof List<?> many) {
          many.forEach(r -> RESOURCES.add((HasMetadata) r));
        } else {
          RESOURCES.add((HasMetadata) parsed);
        }
      }
    }
    settings = ConfigFactory.load();
  }

  @Test
  void noManifestHasAFieldTheModelDoesNotKnow() throws Exception {
    for (HasMetadata resource : RESOURCES) {
      List<String> unknown = new ArrayList<>();
      unknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown,
          new IdentityHashMap<>());
      assertTrue(unknown.isEmpty(), "unknown fields (typos?): " + unknown);
    }
  }

  @Test
  void theCheckForUnknownFieldsFindsATypo() throws Exception {
    Object typo = new KubernetesSerialization().unmarshal(new java.io.ByteArrayInputStream("""
        apiVersion: v1
        kind: Service
        metadata:
          name: typo
        spec:
          selectr:
            app: candor
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<String> unknown = new ArrayList<>();
    unknownFields(typo, "Service/typo", unknown, new IdentityHashMap<>());
    assertEquals(List.of("Service/typo.Spec: [selectr]"), unknown);
  }

  @Test
  void selectorsMatchTheirPodsAndEveryContainerHasResources() {
    Deployment candor = one(Deployment.class, "candor");
    assertEquals(3, candor.getSpec().getReplicas());
    assertSelects(candor.getSpec().getSelector().getMatchLabels(), candor.getSpec().getTemplate());
    StatefulSet postgres = one(StatefulSet.class, "candor-postgres");
    assertSelects(postgres.getSpec().getSelector().getMatchLabels(), postgres.getSpec().getTemplate());
    for (PodTemplateSpec pod : List.of(candor.getSpec().getTemplate(), postgres.getSpec().getTemplate())) {
      for (Container container : pod.getSpec().getContainers()) {
        assertNotNull(container.getResources().getRequests().get("memory"), container.getName());
        assertNotNull(container.getResources().getLimits().get("memory"), container.getName());
        assertNotNull(container.getReadinessProbe(), container.getName());
        assertNotNull(container.getLivenessProbe(), container.getName());
      }
    }
    for (Service service : all(Service.class)) {
      Map<String, String> selector = service.getSpec().getSelector();
      assertTrue(RESOURCES.stream().flatMap(r -> template(r).stream())
          .anyMatch(t -> t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())),
          "service " + service.getMetadata().getName() + " selects no pod");
    }
    PodDisruptionBudget budget = one(PodDisruptionBudget.class, "candor");
    assertSelects(budget.getSpec().getSelector().getMatchLabels(), candor.getSpec().getTemplate());
    assertTrue(budget.getSpec().getMinAvailable().getIntVal() > candor.getSpec().getReplicas() / 2,
        "a drain keeps a majority");
    assertEquals(candor.getSpec().getTemplate().getSpec().getServiceAccountName(),
        one(RoleBinding.class, "candor-reads-pods").getSubjects().get(0).getName(), "bootstrap may list pods");
  }

  @Test
  void thePodsPortsProbesAndLabelsAgreeWithTheNodesSettings() {
    PodTemplateSpec pod = one(Deployment.class, "candor").getSpec().getTemplate();
    Container container = pod.getSpec().getContainers().get(0);
    assertEquals(settings.getInt("pekko.management.http.port"), port(container, "management"));
    assertEquals(settings.getInt("candor.http.port"), port(container, "http"));
    assertEquals(settings.getInt("pekko.remote.artery.canonical.port"), port(container, "remoting"));
    // Bootstrap looks for pods labelled app=<service-name>, and the actor systems must have one name.
    String serviceName = settings.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name");
    assertEquals(serviceName, pod.getMetadata().getLabels().get("app"));
    assertEquals("candor", pod.getMetadata().getLabels().get("actorSystemName"));
    for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
      assertNotNull(probe);
      assertEquals("management", probe.getHttpGet().getPort().getStrVal());
    }
    assertEquals("/" + settings.getString("pekko.management.health-checks.readiness-path"),
        container.getReadinessProbe().getHttpGet().getPath());
    assertEquals("/" + settings.getString("pekko.management.health-checks.liveness-path"),
        container.getLivenessProbe().getHttpGet().getPath());
    // The metrics route is the node's own management route (ManagementTest scrapes it).
    assertEquals(String.valueOf(port(container, "management")), pod.getMetadata().getAnnotations().get("prometheus.io/port"));
    assertEquals("dev.candor.http.MetricsRoutes", settings.getString("pekko.management.http.routes.candor-metrics"));
    assertEquals("/metrics", pod.getMetadata().getAnnotations().get("prometheus.io/path"));
  }

  @Test
  void everyEnvironmentVariableIsASettingTheNodeReads() throws Exception {
    Set<String> read = new HashSet<>();
    Matcher references = ENV_REFERENCE.matcher(Files.readString(Path.of("src/main/resources/application.conf")));
    while (references.find()) {
      read.add(references.group(1));
    }
    Set<String> given = new HashSet<>();
    for (HasMetadata resource : RESOURCES) {
      if (resource instanceof io.fabric8.kubernetes.api.model.ConfigMap config) {
        given.addAll(config.getData().keySet());
      }
      for (PodTemplateSpec pod : template(resource)) {
        pod.getSpec().getContainers().forEach(c -> c.getEnv().stream().map(EnvVar::getName).forEach(given::add));
      }
    }
    given.removeAll(NOT_OURS);
    given.removeAll(read);
    assertTrue(given.isEmpty(), "set in k8s/ but read by no setting: " + given);
    assertEquals("kubernetes", one(io.fabric8.kubernetes.api.model.ConfigMap.class, "candor-config").getData()
        .get("CLUSTER_DISCOVERY"));
  }

  private static int port(Container container, String name) {
    return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
        .findFirst().orElseThrow(() -> new AssertionError("no port named " + name));
  }

  private static void assertSelects(Map<String, String> selector, PodTemplateSpec pod) {
    assertFalse(selector.isEmpty());
    assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
        "selector " + selector + " does not match labels " + pod.getMetadata().getLabels());
  }

  private static List<PodTemplateSpec> template(HasMetadata resource) {
    if (resource instanceof Deployment d) {
      return List.of(d.getSpec().getTemplate());
    }
    if (resource instanceof StatefulSet s) {
      return List.of(s.getSpec().getTemplate());
    }
    return List.of();
  }

  private static <T extends HasMetadata> List<T> all(Class<T> type) {
    return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends HasMetadata> T one(Class<T> type, String name) {
    return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in k8s/"));
  }

  /**
   * The model is lenient: a field it does not know is kept aside in additionalProperties rather than refused. Every
   * model object is walked through its getters for them.
   */
  private static void unknownFields(Object node, String where, List<String> unknown, Map<Object, Boolean> seen)
      throws Exception {
    if (node == null || seen.put(node, true) != null) {
      return;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, where + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        unknownFields(entry.getValue(), where + "." + entry.getKey(), unknown, seen);
      }
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = getter.invoke(node);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(where + ": " + extra.keySet());
        }
      } else {
        unknownFields(value, where + "." + getter.getName().substring(3), unknown, seen);
      }
    }
  }
}
