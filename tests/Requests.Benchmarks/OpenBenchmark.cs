using System.Diagnostics;
using System.Security.Claims;
using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Grpc;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Requests.Benchmarks;

/// <summary>
/// Opening a request as POST /api/requests does it, minus HTTP: validation, the (cached) directory, routing
/// (answered in memory: the other services' latency is theirs), and one SaveChanges writing the request, its
/// work items, its timeline and its outbox rows.
/// </summary>
static class OpenBenchmark
{
    static readonly RequestClocks Clocks = new(new SlaPolicies(Options.Create(new SlaOptions())), TimeProvider.System);

    public static async Task<List<double>> MeasureAsync(string path, int runs)
    {
        var cache = new MemoryCache(Options.Create(new MemoryCacheOptions()));
        var types = new RequestTypes(new ConfigurationBuilder().Build());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.UserId, "manager-1"), new Claim(PlatformClaims.Role, Roles.AccountManager)], "bench",
            PlatformClaims.UserId, PlatformClaims.Role));
        var samples = new List<double>(runs);
        for (var i = -20; i < runs; i++)
        {
            var body = new NewRequest(Seeder.Clients[0], "billing", "P2", $"Benchmark request {i}", "Opened by the benchmark.", ["bench"], null,
                $"BENCH-{Guid.NewGuid():N}", null);
            var watch = Stopwatch.StartNew();
            await using var db = Database.Open(path);
            var intake = new Intake(db, new ClientLookup(new Directory(), cache), new Routing(), types, Clocks, TimeProvider.System);
            if (await intake.OpenAsync(body, user, CancellationToken.None) is not IntakeResult.Opened) throw new InvalidOperationException("Not opened.");
            await db.SaveChangesAsync();
            watch.Stop();
            if (i >= 0) samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    sealed class Directory : ClientDirectory.ClientDirectoryClient
    {
        public override AsyncUnaryCall<GetClientsReply> GetClientsAsync(GetClientsRequest request, CallOptions options) => Reply(new GetClientsReply
        {
            Clients = { request.ClientIds.Select(id => new ClientEntry { Id = id, Name = "Client", Tier = "gold", Status = "active", AccountManagerId = "manager-1" }) },
        });
    }

    sealed class Routing : DepartmentRouting.DepartmentRoutingClient
    {
        public override AsyncUnaryCall<ResolveRouteReply> ResolveAsync(ResolveRouteRequest request, CallOptions options) =>
            Reply(new ResolveRouteReply { MatchedRule = "bench", Departments = { new RoutedDepartment { Code = "billing", Name = "Billing", Managed = true } } });
    }

    static AsyncUnaryCall<T> Reply<T>(T reply) =>
        new(Task.FromResult(reply), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
}
