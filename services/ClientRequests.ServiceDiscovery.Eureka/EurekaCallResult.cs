using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDiscovery.Eureka;

public enum EurekaCallResult
{
    Ok,
    NotFound,
    Failed,
}
