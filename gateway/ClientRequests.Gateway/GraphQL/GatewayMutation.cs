using ClientRequests.Gateway.GraphQL.Console;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Gateway.GraphQL.Types;
using ClientRequests.Notifications.Grpc;
using ClientRequests.Requests.Grpc;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL;

/// <summary>
/// Changes go through the requests service's REST API (requests.proto is read-only), with the caller's token, so the
/// service applies its own rules and validation; the changed request is then read back over gRPC.
/// </summary>
public sealed class GatewayMutation : ObjectGraphType
{
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["CANCEL"] = "cancel", ["WAIT_ON_CLIENT"] = "wait-on-client", ["RESUME"] = "resume", ["REOPEN"] = "reopen",
    };

    public GatewayMutation()
    {
        Name = "Mutation";
        Field<RequestType>("openRequest")
            .Argument<NonNullGraphType<OpenRequestInputType>>("input")
            .ResolveAsync(async c =>
            {
                var created = await Rest.PostAsync(Client(c), "api/requests", c.GetArgument<Dictionary<string, object?>>("input"), c.CancellationToken);
                return await ReadBackAsync(c, created.GetProperty("id").GetString()!);
            });

        Field<RequestType>("editRequest")
            .Description("Edits an open request (PATCH /api/requests/{id}): fields, added and withdrawn departments. input.version is the " +
                "version you read; a stale one is a CONFLICT naming the current version, and nothing is changed.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<EditRequestInputType>>("input")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                await Rest.PatchAsync(Client(c), $"api/requests/{Uri.EscapeDataString(id)}", c.GetArgument<Dictionary<string, object?>>("input"), c.CancellationToken);
                return await ReadBackAsync(c, id);
            });

        Field<NonNullGraphType<SlaPolicyType>>("updateSlaPolicy")
            .Description("Replaces the SLA policy with a new version (PUT /api/sla/policy; admins). input.version is the version you read; a " +
                "stale one is a CONFLICT naming the current version, a refused value a BAD_REQUEST naming its field, and nothing is changed.")
            .Argument<NonNullGraphType<SlaPolicyInputType>>("input")
            // The service answers the version it stored: no read-back, and no gRPC call for an admin document (ADR 0032).
            .ResolveAsync(async c => await Rest.PutAsync(Client(c), "api/sla/policy", c.GetArgument<Dictionary<string, object?>>("input"), c.CancellationToken));

        Field<RequestType>("addComment")
            .Argument<NonNullGraphType<IdGraphType>>("requestId")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<StringGraphType>("visibility", a => a.Description = "internal (default) or client")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("requestId");
                await Rest.PostAsync(Client(c), $"api/requests/{Uri.EscapeDataString(id)}/comments",
                    new { text = c.GetArgument<string>("text"), visibility = c.GetArgument<string?>("visibility") }, c.CancellationToken);
                return await ReadBackAsync(c, id);
            });

        Field<RequestType>("changeRequestStatus")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<RequestActionType>>("action")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                var action = Actions[c.GetArgument<string>("action")];
                await Rest.PostAsync(Client(c), $"api/requests/{Uri.EscapeDataString(id)}/{action}",
                    new { reason = c.GetArgument<string?>("reason") }, c.CancellationToken);
                return await ReadBackAsync(c, id);
            });

        Field<MarkNotificationsReadPayloadType>("markNotificationsRead")
            .Description("Marks notifications of the caller's inbox read: the ids given (100 at most; all or nothing, an id " +
                "not in the caller's inbox is NOT_FOUND), or every unread one with `all: true`.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("ids")
            .Argument<BooleanGraphType>("all", a => a.DefaultValue = false)
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>?>("ids") ?? [];
                var all = c.GetArgument("all", false);
                if (all == (ids.Count > 0))
                    throw new ExecutionError("Give either 'ids' (at least one) or 'all: true'.") { Code = "BAD_REQUEST" };
                var reply = await c.RequestServices!.GetRequiredService<NotificationInbox.NotificationInboxClient>()
                    .MarkReadAsync(new MarkReadRequest { Ids = { ids }, All = all }, cancellationToken: c.CancellationToken);
                return new MarkedRead(reply.Marked, reply.UnreadCount);
            });

        this.AddConsoleMutations();
    }

    static HttpClient Client(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IHttpClientFactory>().CreateClient(Rest.Requests);

    /// <summary>Straight from the service, not the loader: a loader's cached copy would predate this change.</summary>
    static async Task<RequestNode?> ReadBackAsync(IResolveFieldContext c, string id)
    {
        var reply = await c.RequestServices!.GetRequiredService<RequestDirectory.RequestDirectoryClient>()
            .GetRequestsAsync(new GetRequestsRequest { RequestIds = { id } }, cancellationToken: c.CancellationToken);
        return reply.Requests.FirstOrDefault() is { } entry ? new RequestNode(entry, HasWorkItems: true) : null;
    }
}

public sealed class OpenRequestInputType : InputObjectGraphType
{
    public OpenRequestInputType()
    {
        Name = "OpenRequestInput";
        Field<NonNullGraphType<IdGraphType>>("clientId");
        Field<NonNullGraphType<StringGraphType>>("type");
        Field<NonNullGraphType<StringGraphType>>("priority");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<StringGraphType>>("description");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<DateTimeOffsetGraphType>("wantedBy").Description("The date the requester wishes it done by; the SLA targets are the platform's.");
        Field<StringGraphType>("externalReference");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("departments");
    }
}

public sealed class RequestActionType : EnumerationGraphType
{
    public RequestActionType()
    {
        Name = "RequestAction";
        foreach (var action in GatewayMutation.Actions.Keys) Add(action, action);
    }
}
