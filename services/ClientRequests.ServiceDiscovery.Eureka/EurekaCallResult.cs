namespace ClientRequests.ServiceDiscovery.Eureka;

public enum EurekaCallResult
{
    Ok,
    NotFound,
    Failed,
}
