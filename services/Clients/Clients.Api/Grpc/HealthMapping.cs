using ClientRequests.Clients.Domain;

namespace ClientRequests.Clients.Grpc;

static class HealthMapping
{
    public static void AddHealth(this ClientEntry entry, ClientHealthReport r)
    {
        (entry.HealthScore, entry.HealthBand) = (r.Score, r.Band);
        entry.HealthReasons.AddRange(r.Reasons.Select(x => new HealthReason { Code = x.Code, Text = x.Text, Points = x.Points }));
        entry.RequestsByMonth.AddRange(r.RequestsByMonth.Select(m => new MonthlyRequests { Month = m.Month, Type = m.Type, Count = m.Count }));
        (entry.Requests, entry.Complaints, entry.ComplaintsLast30Days, entry.ComplaintShare) = (r.Requests, r.Complaints, r.ComplaintsLast30Days, r.ComplaintShare);
        (entry.Fulfilled, entry.SlaBreaches, entry.SlaAtRisk, entry.SatisfactionRatings) = (r.Fulfilled, r.SlaBreaches, r.SlaAtRisk, r.Satisfaction.Ratings);
        // Proto3 optional: an unset field says "no data", which 0 would not.
        if (r.MedianHoursToFulfil is { } median) entry.MedianHoursToFulfil = median;
        if (r.Satisfaction.Average is { } average) entry.AverageSatisfaction = average;
        if (r.Satisfaction.Last30Days is { } last) entry.SatisfactionLast30Days = last;
        if (r.Satisfaction.Previous30Days is { } previous) entry.SatisfactionPrevious30Days = previous;
        if (r.Satisfaction.Trend is { } trend) entry.SatisfactionTrend = trend;
    }
}
