using System.Security.Claims;
using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.ServiceDefaults.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>
/// The caller, as the gateway validated their token, with their own work and notifications. Neither takes a user
/// argument: the services read the user from the token the gateway passes on.
/// </summary>
public sealed class MeType : ObjectGraphType<ClaimsPrincipal>
{
    public MeType()
    {
        Name = "Me";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.UserId());
        Field<StringGraphType>("name").Resolve(c => c.Source.FindFirstValue(PlatformClaims.Name));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Resolve(c => c.Source.FindAll(PlatformClaims.Role).Select(r => r.Value).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("departments")
            .Resolve(c => c.Source.DepartmentCodes().Order().ToList());

        Field<NonNullGraphType<WorkConnectionType>>("work")
            .Description($"Work items the caller holds (claimed, or assigned to them), soonest due first, {PageSize.Max} at most per page.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageSize.Default)
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("includeClosed", a =>
            {
                a.DefaultValue = false;
                a.Description = "Also the items the caller completed, rejected or handed over.";
            })
            .WithComplexityImpact(PageSize.Cost)
            .Resolve(c => c.RequestServices!.GetRequiredService<AssignedWorkLoader>()
                .Load(new WorkPageKey(c.GetArgument("includeClosed", false), PageSize.First(c), c.GetArgument<string?>("after") ?? ""))
                .Then(reply => new WorkPage(reply?.Items.ToList() ?? [], reply?.NextCursor ?? "")));

        Field<NonNullGraphType<NotificationConnectionType>>("notifications")
            .Description($"The caller's in-app notifications (and their department groups'), newest first, {PageSize.Max} at most per page.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageSize.Default)
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("unreadOnly", a => a.DefaultValue = false)
            .WithComplexityImpact(PageSize.Cost)
            .Resolve(c => c.RequestServices!.GetRequiredService<InboxLoader>()
                .Load(new InboxPageKey(c.GetArgument("unreadOnly", false), PageSize.First(c), c.GetArgument<string?>("after") ?? "", CountOnly: false))
                .Then(reply => new NotificationPage(reply?.Notifications.ToList() ?? [], reply?.NextCursor ?? "")));

        Field<NonNullGraphType<IntGraphType>>("unreadNotifications")
            .Description("How many of the caller's notifications are unread; asked with `notifications`, it costs no extra call.")
            .Resolve(c => c.RequestServices!.GetRequiredService<InboxLoader>().Load(InboxPageKey.UnreadCount).Then(reply => reply?.UnreadCount ?? 0));
    }
}

public sealed record WorkPage(IReadOnlyList<QueuedWorkItem> Nodes, string NextCursor);

public sealed class WorkConnectionType : ObjectGraphType<WorkPage>
{
    public WorkConnectionType()
    {
        Name = "WorkConnection";
        // The page size already multiplied the cost at `work`.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueueItemType>>>>("nodes").WithComplexityImpact(1, 1).Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageCursor(c.Source.NextCursor));
    }
}
