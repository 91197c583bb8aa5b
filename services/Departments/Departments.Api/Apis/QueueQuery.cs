using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Apis;

/// <summary>One page of a department's queue; REST, gRPC and the benchmark all read it through here.</summary>
public sealed record QueueQuery(string DepartmentCode, WorkItemStatus? Status, QueueOrder Order, bool AtRiskOnly, Cursor? After, int Limit)
{
    /// <summary>Parses the query string's words; errors name the parameter.</summary>
    public static (QueueQuery? Query, FieldErrors Errors) Parse(string code, string? status, string? sort, bool? atRisk, string? after, int? limit)
    {
        var errors = new FieldErrors();
        WorkItemStatus parsedStatus = default;
        QueueOrder order = QueueOrder.Age;
        errors.Require(status is null || (Enum.TryParse(status, ignoreCase: true, out parsedStatus) && Enum.IsDefined(parsedStatus)), "status",
            $"'status' must be one of {string.Join(", ", Enum.GetNames<WorkItemStatus>())}.");
        errors.Require(sort is null || (Enum.TryParse(sort, ignoreCase: true, out order) && Enum.IsDefined(order)), "sort",
            "'sort' must be 'age' (oldest first) or 'sla' (soonest due first).");
        errors.Require(Cursor.TryDecode(after, out var cursor), "after", "'after' is not a cursor this service issued.");
        errors.Require(PageLimits.IsValid(limit), "limit", $"'limit' must be between 1 and {PageLimits.Max}.");
        return errors.Count > 0
            ? (null, errors)
            : (new QueueQuery(code, status is null ? null : parsedStatus, order, atRisk ?? false, cursor, limit ?? PageLimits.Default), errors);
    }

    public async Task<Page<WorkItemView>> RunAsync(DepartmentsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.WorkItems.AsNoTracking().Where(i => i.DepartmentCode == DepartmentCode);
        if (Status is { } status) query = query.Where(i => i.Status == status);
        if (AtRiskOnly)
            // WorkItem.IsAtRisk, as SQL.
            query = query.Where(i => i.AtRiskAt <= now && !i.ClockPaused &&
                (i.Status == WorkItemStatus.Queued || i.Status == WorkItemStatus.Claimed || i.Status == WorkItemStatus.InProgress));

        List<WorkItem> items;
        if (Order == QueueOrder.Sla)
        {
            if (After is { } c) query = query.Where(i => i.DueAt > c.At || (i.DueAt == c.At && i.Id.CompareTo(c.Id) > 0));
            items = await query.OrderBy(i => i.DueAt).ThenBy(i => i.Id).Take(Limit + 1).ToListAsync(cancellationToken);
        }
        else
        {
            if (After is { } c) query = query.Where(i => i.QueuedAt > c.At || (i.QueuedAt == c.At && i.Id.CompareTo(c.Id) > 0));
            items = await query.OrderBy(i => i.QueuedAt).ThenBy(i => i.Id).Take(Limit + 1).ToListAsync(cancellationToken);
        }

        string? next = null;
        if (items.Count > Limit)
        {
            var last = items[Limit - 1];
            next = new Cursor(Order == QueueOrder.Sla ? last.DueAt : last.QueuedAt, last.Id).Encode();
        }
        return new Page<WorkItemView>(items.Take(Limit).Select(i => WorkItemView.From(i, now)).ToList(), next);
    }
}
