namespace ClientRequests.ServiceDiscovery.Eureka.Tests;

public sealed class EurekaJsonTests
{
    [Fact]
    public void Reads_the_single_object_and_string_number_forms_older_servers_send()
    {
        const string json = """
            {"applications":{"apps__hashcode":"UP_1_","application":{"name":"REQUESTS","instance":
              {"instanceId":"r-0","hostName":"r0","app":"REQUESTS","status":"UP",
               "port":{"$":"6080","@enabled":"true"},"securePort":{"$":443,"@enabled":false},
               "metadata":{"@class":"java.util.Collections$EmptyMap","grpcPort":"6081"}}}}}
            """;

        var applications = EurekaJson.ParseApplications(json);

        var instance = Assert.Single(applications.Instances);
        Assert.Equal(("REQUESTS", "r-0", 6080, false), (instance.App, instance.InstanceId, instance.Port, instance.SecurePortEnabled));
        Assert.Equal("6081", instance.Metadata["grpcPort"]);
        Assert.False(instance.Metadata.ContainsKey("@class"));
        Assert.Equal("UP_1_", applications.AppsHashCode);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("{\"applications\": ")]
    [InlineData("[1,2]")]
    [InlineData("{\"something\":{}}")]
    public void Rejects_documents_that_are_not_a_registry(string body) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => EurekaJson.ParseApplications(body));

    [Fact]
    public void The_reconcile_hash_counts_statuses_in_alphabetical_order()
    {
        EurekaInstance Make(string id, string status) => new() { InstanceId = id, App = "A", HostName = "h", Status = status };

        var hash = EurekaRegistryCache.ComputeHashCode([Make("1", "UP"), Make("2", "DOWN"), Make("3", "UP")]);

        Assert.Equal("DOWN_1_UP_2_", hash);
    }
}
