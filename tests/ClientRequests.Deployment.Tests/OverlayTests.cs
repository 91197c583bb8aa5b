namespace ClientRequests.Deployment.Tests;

/// <summary>What distinguishes the overlays from each other.</summary>
public sealed class OverlayTests
{
    private static Manifest One(string overlay, string kind, string name) =>
        Assert.Single(Kustomize.Render(overlay), m => m.Kind == kind && m.Name == name);

    [Fact]
    public void Prod_runs_a_three_node_RabbitMQ_cluster_with_quorum_queues_by_default()
    {
        var rabbit = One("prod", "StatefulSet", "rabbitmq");

        Assert.Equal("3", rabbit.Spec!.Str("replicas"));
        Assert.Equal("rabbitmq-headless", rabbit.Spec!.Str("serviceName"));
        Assert.StartsWith("rabbitmq:3.13-management", rabbit.Containers[0].Str("image"));
        Assert.Equal("rabbitmq", rabbit.PodSpec!.Str("serviceAccountName"));
        Assert.Equal("None", One("prod", "Service", "rabbitmq-headless").Spec!.Str("clusterIP"));
        var config = Assert.Single(Kustomize.Render("prod"), m => m.Kind == "ConfigMap" && m.Name.StartsWith("rabbitmq-config"));
        var conf = config.Root.Map("data")!.Str("rabbitmq.conf")!;
        Assert.Contains("default_queue_type = quorum", conf);
        Assert.Contains("rabbit_peer_discovery_k8s", conf);
        Assert.Contains("rabbitmq_peer_discovery_k8s", config.Root.Map("data")!.Str("enabled_plugins"));
        Assert.Contains(Kustomize.Render("prod"), m => m.Kind == "RoleBinding" && m.Name == "rabbitmq-peer-discovery");
    }

    [Fact]
    public void Prod_has_SQL_Server_with_storage_and_a_migration_Job_per_service()
    {
        var sql = One("prod", "StatefulSet", "sqlserver");
        Assert.NotEmpty(sql.Spec!.Seq("volumeClaimTemplates"));

        foreach (var service in new[] { "clients", "requests", "departments", "notifications" })
        {
            var job = One("prod", "Job", $"{service}-migrate");
            var container = Assert.Single(job.Containers);
            Assert.Equal("true", container.Env()["Database__MigrateOnly"]);
            Assert.Equal(One("prod", "Deployment", service).Containers[0].Str("image"), container.Str("image"));
            Assert.Equal("true", job.PodSpec.Path("securityContext", "runAsNonRoot"));
        }
    }

    [Fact]
    public void The_PostgreSQL_overlay_replaces_SQL_Server_with_a_probed_PostgreSQL_whose_credentials_are_secret_references()
    {
        const string overlay = "prod-postgresql";
        var rendered = Kustomize.Render(overlay);
        Assert.DoesNotContain(rendered, m => m.Name == "sqlserver");
        var data = Assert.Single(rendered, m => m.Kind == "ConfigMap" && m.Name.StartsWith("platform-config")).Root.Map("data")!;
        Assert.Equal("PostgreSql", data.Str("Database__Provider"));
        Assert.Equal("false", data.Str("Database__MigrateOnStart"));

        var postgres = One(overlay, "StatefulSet", "postgresql");
        Assert.NotEmpty(postgres.Spec!.Seq("volumeClaimTemplates"));
        Assert.Equal("None", One(overlay, "Service", "postgresql").Spec!.Str("clusterIP"));
        var container = Assert.Single(postgres.Containers);
        Assert.StartsWith("postgres:15", container.Str("image"));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            Assert.Contains("pg_isready", container.Map(probe)!.Map("exec")!.Strings("command"));
        foreach (var key in new[] { "POSTGRES_USER", "POSTGRES_PASSWORD" })
        {
            var variable = Assert.Single(container.Seq("env"), e => e.Str("name") == key);
            Assert.Null(variable.Str("value"));
            Assert.Equal("postgresql-secrets", variable.Path("valueFrom", "secretKeyRef", "name"));
            Assert.Equal(key, variable.Path("valueFrom", "secretKeyRef", "key"));
        }

        // Each service's database is migrated by its Job, with the service's image, before the service serves.
        foreach (var service in new[] { "clients", "requests", "departments", "notifications" })
        {
            var job = Assert.Single(One(overlay, "Job", $"{service}-migrate").Containers);
            Assert.Equal("true", job.Env()["Database__MigrateOnly"]);
            Assert.Equal(One(overlay, "Deployment", service).Containers[0].Str("image"), job.Str("image"));
        }
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("departments")]
    public void Prod_protects_and_scales_the_gateway_and_departments(string name)
    {
        Assert.Equal(name, One("prod", "PodDisruptionBudget", name).Spec.Path("selector", "matchLabels", "app.kubernetes.io/name"));
        Assert.Equal(name, One("prod", "HorizontalPodAutoscaler", name).Spec.Path("scaleTargetRef", "name"));
    }

    [Fact]
    public void Prod_configures_SQL_Server_and_discovery_by_Service_names()
    {
        var data = Assert.Single(Kustomize.Render("prod"), m => m.Kind == "ConfigMap" && m.Name.StartsWith("platform-config")).Root.Map("data")!;

        Assert.Equal("SqlServer", data.Str("Database__Provider"));
        Assert.Equal("false", data.Str("Database__MigrateOnStart"));
        foreach (var service in new[] { "clients", "requests", "departments", "notifications" })
        {
            Assert.Equal($"http://{service}:8080", data.Str($"services__{service}__http__0"));
            Assert.Equal($"http://{service}:8081", data.Str($"services__{service}__grpc__0"));
        }
    }

    [Fact]
    public void Dev_runs_one_of_everything_on_SQLite_without_SQL_Server()
    {
        var manifests = Kustomize.Render("dev");

        Assert.All(manifests.Where(m => m.Kind is "Deployment" or "StatefulSet"), m => Assert.Equal("1", m.Spec!.Str("replicas")));
        Assert.DoesNotContain(manifests, m => m.Name == "sqlserver");
        Assert.DoesNotContain(manifests, m => m.Kind is "Job" or "HorizontalPodAutoscaler" or "PodDisruptionBudget");
        var data = Assert.Single(manifests, m => m.Kind == "ConfigMap" && m.Name.StartsWith("platform-config")).Root.Map("data")!;
        Assert.Equal("Sqlite", data.Str("Database__Provider"));
        foreach (var api in manifests.Where(m => m.Kind == "Deployment" && m.Name != "gateway"))
        {
            var mount = Assert.Single(api.Containers[0].Seq("volumeMounts"), v => v.Str("name") == "data");
            Assert.Equal(data.Str("Data__Folder"), mount.Str("mountPath"));
        }
    }

    [Fact]
    public void The_Eureka_component_adds_a_registry_and_points_every_process_at_it()
    {
        var manifests = Kustomize.Render("prod-eureka");

        Assert.StartsWith("springcloud/eureka", One("prod-eureka", "Deployment", "eureka").Containers[0].Str("image"));
        Assert.Equal("8761", One("prod-eureka", "Service", "eureka").Spec!.Seq("ports")[0].Str("port"));
        foreach (var process in ManifestTests.Processes.Keys)
        {
            var env = One("prod-eureka", "Deployment", process).Containers[0].Env();
            Assert.Equal("http://eureka:8761/eureka/", env["Eureka__Client__ServiceUrl"]);
            Assert.True(env.ContainsKey("Eureka__Instance__AppName"));
        }

        Assert.DoesNotContain(Kustomize.Render("prod"), m => m.Name == "eureka");
    }
}
