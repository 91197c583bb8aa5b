namespace ClientRequests.Deployment.Tests;

/// <summary>Rules every rendered overlay must satisfy.</summary>
public sealed class ManifestTests
{
    public static readonly TheoryData<string> Overlays = ["dev", "prod", "prod-eureka", "prod-postgresql"];

    /// <summary>The platform's processes, their images and whether they serve gRPC on 8081.</summary>
    public static readonly Dictionary<string, (string Image, bool Grpc)> Processes = new()
    {
        ["gateway"] = ("clientrequests/gateway", false),
        ["clients"] = ("clientrequests/clients-api", true),
        ["requests"] = ("clientrequests/requests-api", true),
        ["departments"] = ("clientrequests/departments-api", true),
        ["notifications"] = ("clientrequests/notifications-api", true),
    };

    private static IEnumerable<Manifest> PlatformDeployments(string overlay) =>
        Kustomize.Render(overlay).Where(m => m.Kind == "Deployment" && m.Label("app.kubernetes.io/component") != "registry");

    [Theory, MemberData(nameof(Overlays))]
    public void Every_process_has_one_Deployment_on_its_clientrequests_image(string overlay)
    {
        var deployments = PlatformDeployments(overlay).ToList();

        Assert.Equal(Processes.Keys.Order(), deployments.Select(d => d.Name).Order());
        foreach (var deployment in deployments)
        {
            var image = Assert.Single(deployment.Containers).Str("image")!;
            Assert.StartsWith("clientrequests/", image);
            Assert.Equal(Processes[deployment.Name].Image, image.Split(':')[0]);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_Deployment_has_probes_resources_and_runs_non_root(string overlay)
    {
        foreach (var deployment in Kustomize.Render(overlay).Where(m => m.Kind == "Deployment"))
        {
            var pod = deployment.PodSpec!;
            foreach (var container in deployment.Containers)
            {
                Assert.True(container.Map("livenessProbe") is not null, $"{deployment}: livenessProbe");
                Assert.True(container.Map("readinessProbe") is not null, $"{deployment}: readinessProbe");
                Assert.True(container.Path("resources", "requests", "cpu") is not null, $"{deployment}: cpu request");
                Assert.True(container.Path("resources", "requests", "memory") is not null, $"{deployment}: memory request");
                Assert.True(container.Path("resources", "limits", "memory") is not null, $"{deployment}: memory limit");
                var nonRoot = container.Path("securityContext", "runAsNonRoot") ?? pod.Path("securityContext", "runAsNonRoot");
                Assert.True(nonRoot == "true", $"{deployment}: runAsNonRoot");
                Assert.Equal("false", container.Path("securityContext", "allowPrivilegeEscalation"));
                Assert.Equal("true", container.Path("securityContext", "readOnlyRootFilesystem"));
                Assert.Contains("ALL", container.Map("securityContext")!.Map("capabilities")!.Strings("drop"));
                Assert.Contains(container.Seq("volumeMounts"), m => m.Str("mountPath") == "/tmp");
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Platform_processes_run_as_the_app_user_with_health_probes_on_http(string overlay)
    {
        foreach (var deployment in PlatformDeployments(overlay))
        {
            var container = deployment.Containers[0];
            Assert.Equal("1654", container.Path("securityContext", "runAsUser"));
            Assert.Equal("/health/live", container.Path("livenessProbe", "httpGet", "path"));
            Assert.Equal("http", container.Path("livenessProbe", "httpGet", "port"));
            Assert.Equal("/health/ready", container.Path("readinessProbe", "httpGet", "path"));
            Assert.Equal("http", container.Path("readinessProbe", "httpGet", "port"));
            Assert.Contains(deployment.PodSpec!.Seq("volumes"), v => v.Str("name") == "tmp" && v.Map("emptyDir") is not null);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Processes_listen_on_8080_for_http_and_8081_for_grpc(string overlay)
    {
        foreach (var deployment in PlatformDeployments(overlay))
        {
            var container = deployment.Containers[0];
            var ports = container.Seq("ports").ToDictionary(p => p.Str("name")!, p => p.Str("containerPort"));
            var env = container.Env();
            Assert.Equal("8080", ports["http"]);
            Assert.Equal("http://+:8080", env["Kestrel__Endpoints__Http__Url"]);
            if (Processes[deployment.Name].Grpc)
            {
                Assert.Equal("8081", ports["grpc"]);
                Assert.Equal("http://+:8081", env["Kestrel__Endpoints__Grpc__Url"]);
                Assert.Equal("Http2", env["Kestrel__Endpoints__Grpc__Protocols"]);
            }
            else
            {
                Assert.False(ports.ContainsKey("grpc"), $"{deployment} has no gRPC endpoint");
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_Service_targets_a_named_port_of_the_pods_it_selects(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        var workloads = manifests.Where(m => m.Kind is "Deployment" or "StatefulSet").ToList();
        foreach (var service in manifests.Where(m => m.Kind == "Service"))
        {
            var selector = service.Spec!.Map("selector")!.Children
                .ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());
            var workload = Assert.Single(workloads, w => selector.All(s =>
                w.Spec!.Map("template")!.Map("metadata")!.Map("labels")!.Str(s.Key) == s.Value));
            var named = workload.Containers.SelectMany(c => c.Seq("ports"))
                .ToDictionary(p => p.Str("name")!, p => p.Str("containerPort")!);
            foreach (var port in service.Spec!.Seq("ports"))
            {
                var target = port.Str("targetPort") ?? port.Str("name")!;
                Assert.True(named.ContainsKey(target), $"{service} port {port.Str("name")} targets '{target}', not a named port of {workload}");
                if (Processes.ContainsKey(service.Name))
                {
                    Assert.Equal(target == "grpc" ? "8081" : "8080", named[target]);
                    Assert.Equal(named[target], port.Str("port"));
                }
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void No_secret_value_is_committed(string overlay)
    {
        var manifests = Kustomize.Render(overlay);
        foreach (var secret in manifests.Where(m => m.Kind == "Secret"))
        {
            var values = new[] { "data", "stringData" }.Select(k => secret.Root.Map(k)).Where(m => m is not null)
                .SelectMany(m => m!.Children.Values).Select(v => v.ToString());
            Assert.All(values, v => Assert.True(string.IsNullOrEmpty(v), $"{secret} carries a literal value"));
        }

        // Secret material must not slip into ConfigMaps or plain env values either.
        string[] secretish = ["ConnectionStrings__", "SigningKey", "PASSWORD", "PASS", "COOKIE"];
        var plainKeys = manifests.Where(m => m.Kind == "ConfigMap").SelectMany(m => m.Root.Map("data")?.Children.Keys ?? [])
            .Select(k => k.ToString())
            .Concat(manifests.SelectMany(m => m.Containers).SelectMany(c => c.Env()).Where(e => e.Value is not null).Select(e => e.Key));
        Assert.DoesNotContain(plainKeys, k => secretish.Any(s => k.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }
}
