using System.Security.Claims;
using ClientRequests.Contracts.Departments;
using ClientRequests.Contracts.Requests;
using ClientRequests.Departments.Grpc;
using ClientRequests.Messaging;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Grpc;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

/// <summary>What happened to one request handed to <see cref="Intake"/>.</summary>
public abstract record IntakeResult
{
    public sealed record Opened(ClientRequest Request) : IntakeResult;
    /// <summary>The client already has a request with this external reference: nothing new was recorded.</summary>
    public sealed record Existing(Guid RequestId) : IntakeResult;
    public sealed record Invalid(IDictionary<string, string[]> Errors) : IntakeResult;
    public sealed record ClientNotFound(Guid ClientId) : IntakeResult;
    public sealed record Unavailable : IntakeResult;
}

/// <summary>
/// Opens a request: validates it, asks the clients service whether the caller acts for the client, asks the
/// departments service where it goes, and adds the request, its work items and their messages to the context.
/// The caller saves, so that it can add its own rows (the idempotency record) to the same transaction.
/// </summary>
public sealed class Intake(RequestsDbContext db, ClientLookup clients, DepartmentRouting.DepartmentRoutingClient routing,
    RequestTypes types, RequestClocks clocks, TimeProvider clock)
{
    public async Task<IntakeResult> OpenAsync(NewRequest body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = body.Validate(types.Names, now);
        if (errors.Count > 0) return new IntakeResult.Invalid(errors);

        var clientId = body.ClientId!.Value;
        ResolveRouteReply route;
        Clients.Grpc.ClientEntry? client;
        try
        {
            client = await clients.FindAsync(clientId, cancellationToken);
            // A client the caller may not act for is reported as unknown: its existence is not theirs to learn.
            if (client is null || !ClientLookup.MayActFor(user, client)) return new IntakeResult.ClientNotFound(clientId);
            await db.SeedIfUnknownAsync(clientId, client.AccountManagerId, client.AccountExecutiveIds, cancellationToken);

            if (body.ExternalReference is { } reference &&
                await db.Requests.Where(r => r.ClientId == clientId && r.ExternalReference == reference).Select(r => (Guid?)r.Id)
                    .FirstOrDefaultAsync(cancellationToken) is { } existing)
                return new IntakeResult.Existing(existing);

            route = await routing.ResolveAsync(new ResolveRouteRequest
            {
                RequestType = body.Type!,
                Priority = body.Priority!,
                ClientTier = client.Tier,
                Tags = { body.Tags ?? [] },
                ExplicitDepartmentCodes = { body.Departments ?? [] },
            }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
        {
            return new IntakeResult.Unavailable();
        }

        if (route.UnknownDepartmentCodes.Count > 0)
            return Invalid("departments", $"Unknown departments: {string.Join(", ", route.UnknownDepartmentCodes)}.");
        if (route.Departments.Count == 0)
            return Invalid("departments", "No department could be found for this request.");

        var request = new ClientRequest
        {
            Id = Guid.CreateVersion7(now),
            ClientId = clientId,
            ClientName = client.Name,
            AccountManagerId = client.AccountManagerId,
            OpenedBy = user.UserId(),
            Type = body.Type!,
            Priority = Enum.Parse<Priority>(body.Priority!),
            Title = body.Title!.Trim(),
            Description = body.Description!,
            Tags = body.Tags ?? [],
            WantedBy = body.WantedBy,
            ExternalReference = body.ExternalReference,
            RoutedBy = route.MatchedRule,
            SubmittedAt = now,
        };
        foreach (var department in route.Departments.DistinctBy(d => d.Code))
        {
            request.WorkItems.Add(new RequestWorkItem
            {
                Id = Guid.CreateVersion7(now), RequestId = request.Id, AssignedAt = now,
                DepartmentCode = department.Code, DepartmentName = department.Name,
            });
        }
        request.Record(TimelineKinds.Submitted, request.OpenedBy, now, $"Routed by {request.RoutedBy}.", visibility: Visibility.Client);
        foreach (var item in request.WorkItems) request.Record(TimelineKinds.WorkItemAssigned, TimelineKinds.System, now, item: item);

        clocks.Apply(db, request, request.Timeline, now);
        db.Requests.Add(request);
        db.Publish(Submitted(request, client), clock);
        foreach (var item in request.WorkItems)
            db.Send(clocks.Assignment(request, item), DepartmentQueue.Name(item.DepartmentCode), clock);
        return new IntakeResult.Opened(request);
    }

    static IntakeResult.Invalid Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

    static RequestSubmitted Submitted(ClientRequest request, Clients.Grpc.ClientEntry client) => new()
    {
        RequestId = request.Id,
        ClientId = request.ClientId,
        ClientName = request.ClientName,
        AccountManagerId = request.AccountManagerId,
        AccountExecutiveIds = client.AccountExecutiveIds.ToList(),
        OpenedBy = request.OpenedBy,
        Type = request.Type,
        Priority = request.Priority.ToString(),
        Title = request.Title,
        DepartmentCodes = request.WorkItems.Select(w => w.DepartmentCode).ToList(),
        SubmittedAt = request.SubmittedAt,
    };
}
