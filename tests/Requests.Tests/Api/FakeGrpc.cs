using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Requests.Tests.Api;

/// <summary>The clients we test with: Acme is Alice's (Bob works with her), Initech is Mallory's.</summary>
public static class TestClients
{
    public static readonly Guid Acme = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid Initech = Guid.Parse("33333333-3333-3333-3333-333333333333");

    public static readonly ClientEntry[] All =
    [
        new() { Id = Acme.ToString(), Name = "Acme Corporation", Tier = "gold", Status = "active", AccountManagerId = DemoUsers.Alice.Id, AccountExecutiveIds = { DemoUsers.Bob.Id } },
        new() { Id = Initech.ToString(), Name = "Initech", Tier = "silver", Status = "active", AccountManagerId = DemoUsers.Mallory.Id },
    ];
}

/// <summary>The clients service's directory, in memory: answers as the real one does for the clients above.</summary>
public sealed class FakeClientDirectory : ClientDirectory.ClientDirectoryClient
{
    public int Calls;
    readonly Dictionary<string, ClientEntry> clients = TestClients.All.ToDictionary(c => c.Id, c => c.Clone());

    /// <summary>Moves a client to another team here, as the clients service would before announcing it.</summary>
    public void Move(Guid clientId, string managerId, params string[] executiveIds)
    {
        lock (clients)
        {
            var moved = clients[clientId.ToString()].Clone();
            moved.AccountManagerId = managerId;
            moved.AccountExecutiveIds.Clear();
            moved.AccountExecutiveIds.AddRange(executiveIds);
            clients[moved.Id] = moved;
        }
    }

    ClientEntry[] Snapshot()
    {
        lock (clients) return clients.Values.ToArray();
    }

    public override AsyncUnaryCall<GetClientsReply> GetClientsAsync(GetClientsRequest request, CallOptions options)
    {
        Interlocked.Increment(ref Calls);
        var reply = new GetClientsReply { Clients = { Snapshot().Where(c => request.ClientIds.Contains(c.Id)) } };
        return Reply(reply);
    }

    /// <summary>The teams of the clients above in one page, as the real directory answers them.</summary>
    public override AsyncUnaryCall<ListAccountTeamsReply> ListAccountTeamsAsync(ListAccountTeamsRequest request, CallOptions options)
    {
        var reply = new ListAccountTeamsReply { AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        reply.Teams.AddRange(Snapshot().Select(c => new AccountTeamEntry
        {
            ClientId = c.Id, AccountManagerId = c.AccountManagerId, AccountExecutiveIds = { c.AccountExecutiveIds },
        }));
        return Reply(reply);
    }

    internal static AsyncUnaryCall<T> Reply<T>(T reply) =>
        new(Task.FromResult(reply), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
}

/// <summary>
/// The departments service's routing, in memory: billing to billing, contract changes to legal and billing, else support.
/// Asking for the department "offline" answers as a departments service that is down.
/// </summary>
public sealed class FakeDepartmentRouting : DepartmentRouting.DepartmentRoutingClient
{
    public const string Offline = "offline";
    static readonly Dictionary<string, string> Names = new() { ["billing"] = "Billing", ["legal"] = "Legal", ["support"] = "Support", ["erp"] = "ERP" };

    public override AsyncUnaryCall<ResolveRouteReply> ResolveAsync(ResolveRouteRequest request, CallOptions options)
    {
        if (request.ExplicitDepartmentCodes.Contains(Offline))
            throw new RpcException(new Status(StatusCode.Unavailable, "The departments service is down."));
        var reply = new ResolveRouteReply();
        if (request.ExplicitDepartmentCodes.Count > 0)
        {
            reply.MatchedRule = "explicit";
            reply.UnknownDepartmentCodes.AddRange(request.ExplicitDepartmentCodes.Where(c => !Names.ContainsKey(c)));
            reply.Departments.AddRange(request.ExplicitDepartmentCodes.Where(Names.ContainsKey).Select(Department));
            return FakeClientDirectory.Reply(reply);
        }
        string[] codes = request.RequestType switch { "billing" => ["billing"], "contract-change" => ["legal", "billing"], _ => ["support"] };
        reply.MatchedRule = $"type:{request.RequestType}";
        reply.Departments.AddRange(codes.Select(Department));
        return FakeClientDirectory.Reply(reply);
    }

    static RoutedDepartment Department(string code) => new() { Code = code, Name = Names[code], Managed = true };
}
