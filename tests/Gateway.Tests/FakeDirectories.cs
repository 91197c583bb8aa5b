using System.Collections.Concurrent;
using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.Notifications.Grpc;
using ClientRequests.Requests.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Gateway.Tests;

/// <summary>
/// Answers the gateway's gRPC calls in memory instead of the clients and requests services, and counts them per
/// service method: the unit-level stand-in for the real services (the end-to-end tests use those).
/// </summary>
public sealed class FakeDirectories : Interceptor
{
    public const string FailingRequestId = "00000000-0000-0000-0000-00000000dead";
    public static readonly DateTime Epoch = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    readonly ConcurrentDictionary<string, int> calls = new();
    public List<ClientEntry> Clients { get; } = [];
    public List<RequestEntry> Requests { get; } = [];
    public TimeSpan Delay { get; set; }
    public HashSet<string> Foreign { get; } = [];
    public List<DepartmentInfo> Departments { get; } =
    [
        new() { Code = "billing", Name = "Billing", Managed = true, LeadId = "dave", Queue = "department-billing",
            Members = { new MemberInfo { UserId = "carol", Name = "Carol", Skills = { "invoices" }, Capacity = 5 } } },
        new() { Code = "legal", Name = "Legal", Managed = false, Queue = "department-legal" },
    ];

    public Dictionary<string, string> People { get; } = new() { ["alice"] = "Alice Martin", ["bob"] = "Bob Evans" };

    public int Calls(string method) => calls.GetValueOrDefault(method);
    public int CallsTo(string service) => calls.Where(c => c.Key.StartsWith(service + "/")).Sum(c => c.Value);

    /// <summary>Clients and requests spread over them; each request has one work item.</summary>
    public static FakeDirectories With(int clients, int requests)
    {
        var fake = new FakeDirectories();
        for (var c = 0; c < clients; c++)
            fake.Clients.Add(new ClientEntry
            {
                Id = Guid.NewGuid().ToString(), Name = $"Client {c}", Tier = "gold", Status = "Active",
                AccountManagerId = "alice", AccountExecutiveIds = { "bob" }, HealthScore = 90, HealthBand = "healthy",
            });
        for (var r = 0; r < requests; r++)
        {
            var id = Guid.NewGuid().ToString();
            fake.Requests.Add(new RequestEntry
            {
                Id = id, ClientId = fake.Clients[r % clients].Id, ClientName = fake.Clients[r % clients].Name, Type = "billing",
                Priority = "P2", Title = $"Request {r}", Status = "Routed", SubmittedAt = Timestamp.FromDateTime(Epoch.AddMinutes(r)),
                WantedBy = Timestamp.FromDateTime(Epoch.AddDays(2)), AtRisk = r % 2 == 0,
                WorkItems = { new WorkItemEntry { Id = Guid.NewGuid().ToString(), DepartmentCode = "billing", DepartmentName = "Billing", Status = "Queued", Round = 1 } },
            });
        }
        return fake;
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        calls.AddOrUpdate(context.Method.FullName.TrimStart('/'), 1, (_, n) => n + 1);
        return new AsyncUnaryCall<TResponse>(AnswerAsync<TResponse>(request, context.Options.CancellationToken),
            Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    async Task<TResponse> AnswerAsync<TResponse>(object request, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        object reply = request switch
        {
            GetClientsRequest ask => new GetClientsReply { Clients = { Clients.Where(c => ask.ClientIds.Contains(c.Id)) } },
            // Every fake client belongs to the caller's team, except those a test marks as foreign.
            CheckAccessRequest ask => new CheckAccessReply
            {
                Answers = { ask.Queries.Select(q => new AccessAnswer { UserId = q.UserId, ClientId = q.ClientId, ClientExists = true,
                    MayRead = !Foreign.Contains(q.ClientId), MayAct = !Foreign.Contains(q.ClientId) }) },
            },
            GetRequestsRequest ask when ask.RequestIds.Contains(FailingRequestId) =>
                throw new InvalidOperationException("Secret internals at /srv/requests/db.sqlite"),
            GetRequestsRequest ask => new GetRequestsReply { Requests = { Requests.Where(r => ask.RequestIds.Contains(r.Id)) } },
            ListRequestsRequest ask => new ListRequestsReply
            {
                // The list leaves work items out, as the real service does.
                Requests = { Requests.Take(ask.Limit).Select(r => { var row = r.Clone(); row.WorkItems.Clear(); return row; }) },
            },
            GetTimelineRequest ask => new GetTimelineReply
            {
                Entries = { new TimelineEntry { Id = Guid.NewGuid().ToString(), At = Timestamp.FromDateTime(Epoch), Kind = "Submitted", ActorId = "alice", Visibility = "internal" } },
            },
            GetTimelinesRequest ask => new GetTimelinesReply
            {
                Timelines = { ask.RequestIds.Where(id => Requests.Any(r => r.Id == id)).Select(id => new RequestTimeline
                {
                    RequestId = id,
                    Entries = { new TimelineEntry { Id = Guid.NewGuid().ToString(), At = Timestamp.FromDateTime(Epoch), Kind = "Submitted", ActorId = "alice", Visibility = "internal" } },
                }) },
            },
            ListDepartmentsRequest ask => new ListDepartmentsReply
            {
                Departments = { Departments.Where(d => ask.Codes.Count == 0 || ask.Codes.Contains(d.Code)) },
            },
            // The real service also leaves out departments the caller does not work in; the end-to-end tests cover that.
            GetQueuesRequest ask => new GetQueuesReply
            {
                Queues = { Departments.Where(d => ask.DepartmentCodes.Contains(d.Code)).Select(d => new DepartmentQueuePage
                {
                    DepartmentCode = d.Code,
                    Items = { Requests.Take(2).Select(r => new QueuedWorkItem { Id = r.WorkItems[0].Id, RequestId = r.Id, ClientId = r.ClientId,
                        DepartmentCode = d.Code, Type = r.Type, Priority = r.Priority, Title = r.Title, Status = "Queued",
                        QueuedAtMs = 1_700_000_000_000, DueAtMs = 1_700_100_000_000, Sequence = 1 }) },
                }) },
            },
            GetLoadsRequest ask => new GetLoadsReply
            {
                Departments = { Departments.Where(d => ask.DepartmentCodes.Contains(d.Code)).Select(d => new DepartmentLoad
                {
                    DepartmentCode = d.Code,
                    Members = { d.Members.Select(m => new MemberLoad { UserId = m.UserId, Name = m.Name, Capacity = m.Capacity, Load = 1 }) },
                }) },
            },
            // Figures the real service would compute; the end-to-end tests check the real ones.
            GetDashboardRequest ask => new GetDashboardReply
            {
                From = Timestamp.FromDateTime(Epoch.AddDays(-(ask.Days - 1))), AsOf = Timestamp.FromDateTime(Epoch.AddHours(8)),
                Backlog = { new DepartmentBacklog { DepartmentCode = "billing", DepartmentName = "Billing", Statuses = { new StatusCount { Status = "Queued", Count = Requests.Count } } } },
                Departments = { new SlaCompliance { Key = "billing", Name = "Billing", Closed = 4, ClosedWithinSla = 3, BreachedOpen = 1 } },
                Clients = { Clients.Select(c => new SlaCompliance { Key = c.Id, Name = c.Name, AtRiskOpen = 1 }) },
                CycleTime = new CycleTimes { Fulfilled = 4, P50Hours = 1.5, P90Hours = 3, P99Hours = 3 },
                RequestsByDay = { new DailyCount { Day = "2026-11-02", Type = "billing", Count = Requests.Count } },
            },
            // The caller's own work and inbox: each request's work item held by the caller, a notification about each request.
            GetAssignedWorkRequest ask => new GetAssignedWorkReply
            {
                Items = { Requests.Take(ask.Limit).Select(r => new QueuedWorkItem { Id = r.WorkItems[0].Id, RequestId = r.Id, ClientId = r.ClientId,
                    DepartmentCode = "billing", Type = r.Type, Priority = r.Priority, Title = r.Title, Status = "Claimed", ClaimedBy = "carol",
                    QueuedAtMs = 1_700_000_000_000, DueAtMs = 1_700_100_000_000, Sequence = 2 }) },
            },
            GetInboxRequest ask => new GetInboxReply
            {
                UnreadCount = Requests.Count,
                Notifications = { ask.CountOnly ? [] : Requests.Take(ask.Limit).Select(r => new InboxNotification { Id = Guid.NewGuid().ToString(),
                    Kind = "work-item-claimed", Title = $"Claimed: {r.Title}", Body = "", RequestId = r.Id, CreatedAtMs = 1_700_000_000_000 }) },
            },
            // The client 360's parts: the real services leave out clients the caller may not read, as here the foreign ones.
            GetContactsRequest ask => new GetContactsReply
            {
                Clients = { ask.ClientIds.Where(id => !Foreign.Contains(id) && Clients.Any(c => c.Id == id)).Select(id => new ClientContacts
                {
                    ClientId = id, Contacts = { new ContactEntry { Id = Guid.NewGuid().ToString(), Name = "Wile E. Coyote", Role = "Procurement", Email = "wile@acme.example" } },
                }) },
            },
            GetPeopleRequest ask => new GetPeopleReply
            {
                People = { ask.UserIds.Where(People.ContainsKey).Select(id => new PersonEntry { UserId = id, Name = People[id] }) },
            },
            GetClientActivityRequest ask => new GetClientActivityReply
            {
                Clients = { ask.ClientIds.Where(id => !Foreign.Contains(id) && Clients.Any(c => c.Id == id)).Select(ActivityOf) },
            },
            _ => throw new InvalidOperationException($"No fake for {request.GetType().Name}."),
        };
        return (TResponse)reply;
    }

    /// <summary>The client's requests as open ones, an event per request, and a rating in the last month of twelve.</summary>
    ClientActivity ActivityOf(string clientId)
    {
        var requests = Requests.Where(r => r.ClientId == clientId).ToList();
        var activity = new ClientActivity { ClientId = clientId, OpenCount = requests.Count };
        activity.OpenRequests.AddRange(requests.Select(r =>
        {
            var row = r.Clone();
            row.WorkItems.Clear();
            row.Sla = new SlaEntry { State = r.AtRisk ? "at-risk" : "on-track", ResolutionDueAt = Timestamp.FromDateTime(Epoch.AddDays(1)) };
            return row;
        }));
        activity.RecentEvents.AddRange(requests.Select(r => new ClientEvent
        {
            RequestId = r.Id, RequestTitle = r.Title,
            Entry = new TimelineEntry { Id = Guid.NewGuid().ToString(), At = Timestamp.FromDateTime(Epoch), Kind = "comment", ActorId = "alice", Text = "Called them.", Visibility = "internal" },
        }));
        activity.Satisfaction.AddRange(Enumerable.Range(0, 12).Select(i => new MonthlySatisfaction { Month = Epoch.AddMonths(i - 11).ToString("yyyy-MM") }));
        activity.Satisfaction[^1].Ratings = 2;
        activity.Satisfaction[^1].Average = 4.5;
        return activity;
    }
}
