using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Requests.Grpc;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>A request as GraphQL serves it. <paramref name="HasWorkItems"/>: list replies leave work items out.</summary>
public sealed record RequestNode(RequestEntry Entry, bool HasWorkItems);

public sealed class RequestType : ObjectGraphType<RequestNode>
{
    public RequestType()
    {
        Name = "Request";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Entry.Id);
        Field<NonNullGraphType<IdGraphType>>("clientId").Resolve(c => c.Source.Entry.ClientId);
        Field<NonNullGraphType<StringGraphType>>("clientName").Resolve(c => c.Source.Entry.ClientName);
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Entry.Type);
        Field<NonNullGraphType<StringGraphType>>("priority").Resolve(c => c.Source.Entry.Priority);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Entry.Title);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Entry.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("submittedAt").Resolve(c => c.Source.Entry.SubmittedAt?.ToDateTimeOffset());
        Field<StringGraphType>("externalReference")
            .Resolve(c => string.IsNullOrEmpty(c.Source.Entry.ExternalReference) ? null : c.Source.Entry.ExternalReference);
        Field<IntGraphType>("satisfactionScore").Resolve(c => c.Source.Entry.SatisfactionScore == 0 ? null : c.Source.Entry.SatisfactionScore);
        Field<IntGraphType>("version").Description("What editRequest sends back; null on list rows.")
            .Resolve(c => c.Source.HasWorkItems ? c.Source.Entry.Version : null);
        Field<DateTimeOffsetGraphType>("wantedBy").Description("The date the requester wishes it done by: a wish, not an SLA target.")
            .Resolve(c => c.Source.Entry.WantedBy?.ToDateTimeOffset());
        Field<NonNullGraphType<SlaType>>("sla").Description("The request's clocks: first response and resolution.")
            .Resolve(c => new SlaNode(c.Source.Entry.Sla ?? new SlaEntry(), c.Source.Entry.AtRisk, c.Source.Entry.Breached));

        Field<ClientType>("client")
            .Description("The client, from the clients service: one call for every request of the level. Null for department staff (ADR 0030).")
            .Resolve(c => ClientRecordAccess.Reads(c.User)
                ? c.RequestServices!.GetRequiredService<ClientLoader>().Load(c.Source.Entry.ClientId)
                : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkItemType>>>>("workItems")
            // A request has a work item per department it fans out to: a handful, not a page.
            .WithComplexityImpact(1, 3)
            .Resolve(c => c.Source.HasWorkItems
                ? c.Source.Entry.WorkItems
                : c.RequestServices!.GetRequiredService<RequestLoader>().Load(c.Source.Entry.Id)
                    .Then(full => (IEnumerable<WorkItemEntry>?)full?.WorkItems ?? []));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineEntryType>>>>("timeline")
            .Description("Every event that touched the request, in order: one call for every request of the level.")
            // A timeline is a list of a few to a few dozen entries: each child field counts five times.
            .WithComplexityImpact(1, 5)
            .Resolve(c => c.RequestServices!.GetRequiredService<TimelineLoader>().Load(c.Source.Entry.Id)
                .Then(entries => entries ?? []));
    }
}

/// <summary>A clock as the requests service computed it, with the request's stored flags for the older fields.</summary>
public sealed record SlaNode(SlaEntry Entry, bool AtRisk, bool Breached);

public sealed class SlaType : ObjectGraphType<SlaNode>
{
    public SlaType()
    {
        Name = "Sla";
        Description = "Where a request (its first response and resolution) or a department's part (its OLA) stands against its targets.";
        Field<NonNullGraphType<StringGraphType>>("state").Description("on-track, at-risk, breached, paused, met or missed.")
            .Resolve(c => c.Source.Entry.State.Length == 0 ? "on-track" : c.Source.Entry.State);
        Field<DateTimeOffsetGraphType>("firstResponseDueAt").Description("On a request only.")
            .Resolve(c => c.Source.Entry.FirstResponseDueAt?.ToDateTimeOffset());
        Field<DateTimeOffsetGraphType>("resolutionDueAt").Description("Where the resolution target runs out; null while paused before reaching it.")
            .Resolve(c => c.Source.Entry.ResolutionDueAt?.ToDateTimeOffset());
        Field<DateTimeOffsetGraphType>("atRiskAt").Resolve(c => c.Source.Entry.AtRiskAt?.ToDateTimeOffset());
        Field<NonNullGraphType<IntGraphType>>("elapsedBusinessMinutes").Resolve(c => (int)Math.Min(int.MaxValue, c.Source.Entry.ElapsedBusinessMinutes));
        Field<NonNullGraphType<BooleanGraphType>>("atRisk").Resolve(c => c.Source.AtRisk);
        Field<NonNullGraphType<BooleanGraphType>>("breached").Resolve(c => c.Source.Breached);
    }
}

public sealed class WorkItemType : ObjectGraphType<WorkItemEntry>
{
    public WorkItemType()
    {
        Name = "WorkItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("departmentCode").Resolve(c => c.Source.DepartmentCode);
        Field<NonNullGraphType<StringGraphType>>("departmentName").Resolve(c => c.Source.DepartmentName);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("round").Resolve(c => c.Source.Round);
        Field<NonNullGraphType<SlaType>>("sla").Description("The department's OLA clock: the instants its queue sorts on.")
            .Resolve(c => new SlaNode(c.Source.Sla ?? new SlaEntry(), c.Source.Sla?.State == "at-risk", c.Source.Sla?.State is "breached" or "missed"));
    }
}

public sealed class TimelineEntryType : ObjectGraphType<TimelineEntry>
{
    public TimelineEntryType()
    {
        Name = "TimelineEntry";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At?.ToDateTimeOffset());
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("actorId").Resolve(c => NullIfEmpty(c.Source.ActorId));
        Field<IdGraphType>("workItemId").Resolve(c => NullIfEmpty(c.Source.WorkItemId));
        Field<StringGraphType>("departmentCode").Resolve(c => NullIfEmpty(c.Source.DepartmentCode));
        Field<StringGraphType>("status").Resolve(c => NullIfEmpty(c.Source.Status));
        Field<StringGraphType>("text").Resolve(c => NullIfEmpty(c.Source.Text));
        Field<NonNullGraphType<StringGraphType>>("visibility").Resolve(c => c.Source.Visibility);
        Field<StringGraphType>("before").Description("For an edit (text names the field): its value before.").Resolve(c => NullIfEmpty(c.Source.Before));
        Field<StringGraphType>("after").Description("For an edit: its value after.").Resolve(c => NullIfEmpty(c.Source.After));
    }

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
