using System.Text.Json;
using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Gateway.GraphQL.Types;
using ClientRequests.Requests.Grpc;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Console;

/// <summary>
/// The queue steps and satisfaction, through the owning service's REST API with the caller's token (as the other
/// mutations do), so the service applies its own rules.
/// </summary>
public static class ConsoleMutations
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void AddConsoleMutations(this ObjectGraphType mutation)
    {
        Step(mutation, "claimWorkItem", "claim", _ => new { });
        Step(mutation, "unclaimWorkItem", "unclaim", _ => new { });
        Step(mutation, "startWorkItem", "start", _ => new { });
        Step(mutation, "completeWorkItem", "complete", c => new { resolutionNote = c.GetArgument<string?>("resolutionNote") },
            a => a.Argument<StringGraphType>("resolutionNote"));
        Step(mutation, "rejectWorkItem", "reject", c => new { reason = c.GetArgument<string?>("reason") },
            a => a.Argument<StringGraphType>("reason"));
        Step(mutation, "handOverWorkItem", "hand-over", c => new { toDepartmentCode = c.GetArgument<string?>("toDepartmentCode") },
            a => a.Argument<NonNullGraphType<StringGraphType>>("toDepartmentCode"));

        mutation.Field<RequestType>("recordSatisfaction")
            .Description("The client's satisfaction (1 to 5) with a fulfilled request.")
            .Argument<NonNullGraphType<IdGraphType>>("requestId")
            .Argument<NonNullGraphType<IntGraphType>>("score")
            .Argument<StringGraphType>("comment")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("requestId");
                var http = c.RequestServices!.GetRequiredService<IHttpClientFactory>().CreateClient(Rest.Requests);
                await Rest.PostAsync(http, $"api/requests/{Uri.EscapeDataString(id)}/satisfaction",
                    new { score = c.GetArgument<int>("score"), comment = c.GetArgument<string?>("comment") }, c.CancellationToken);
                var reply = await c.RequestServices!.GetRequiredService<RequestDirectory.RequestDirectoryClient>()
                    .GetRequestsAsync(new GetRequestsRequest { RequestIds = { id } }, cancellationToken: c.CancellationToken);
                return reply.Requests.FirstOrDefault() is { } entry ? new RequestNode(entry, HasWorkItems: true) : null;
            });
    }

    static void Step(ObjectGraphType mutation, string name, string path, Func<IResolveFieldContext, object> body,
        Action<FieldBuilder<object?, object>>? arguments = null)
    {
        var field = mutation.Field<QueueItemType, object>(name)
            .Description($"The '{path}' step on a work item of a department's queue; the departments service decides whether it is allowed.")
            .Argument<NonNullGraphType<StringGraphType>>("departmentCode")
            .Argument<NonNullGraphType<IdGraphType>>("workItemId");
        arguments?.Invoke(field);
        field.ResolveAsync(async c =>
        {
            var http = c.RequestServices!.GetRequiredService<IHttpClientFactory>().CreateClient(ConsoleServices.DepartmentsRest);
            var code = Uri.EscapeDataString(c.GetArgument<string>("departmentCode"));
            var id = Uri.EscapeDataString(c.GetArgument<string>("workItemId"));
            var item = await Rest.PostAsync(http, $"api/departments/{code}/queue/{id}/{path}", body(c), c.CancellationToken);
            return item.Deserialize<QueueItemAnswer>(Json)!.ToQueued();
        });
    }

    /// <summary>The departments service's REST answer to a queue step, as the schema's QueueItem reads it (the gRPC shape).</summary>
    sealed record QueueItemAnswer(Guid Id, Guid RequestId, Guid ClientId, string DepartmentCode, string Type, string Priority,
        string Title, string Status, string? ClaimedBy, DateTimeOffset QueuedAt, DateTimeOffset DueAt, bool AtRisk, int Sequence)
    {
        public QueuedWorkItem ToQueued() => new()
        {
            Id = Id.ToString(), RequestId = RequestId.ToString(), ClientId = ClientId.ToString(), DepartmentCode = DepartmentCode,
            Type = Type, Priority = Priority, Title = Title, Status = Status, ClaimedBy = ClaimedBy ?? "",
            QueuedAtMs = QueuedAt.ToUnixTimeMilliseconds(), DueAtMs = DueAt.ToUnixTimeMilliseconds(), AtRisk = AtRisk, Sequence = Sequence,
        };
    }
}
