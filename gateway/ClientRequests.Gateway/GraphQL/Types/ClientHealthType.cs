using ClientRequests.Clients.Grpc;
using GraphQL;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>The clients service's health report (ADR 0012): the score, why, and the figures it is computed from.</summary>
public sealed class ClientHealthType : ObjectGraphType<ClientEntry>
{
    public ClientHealthType()
    {
        Name = "ClientHealth";
        Description = "0 to 100 and its band (healthy, watch, at-risk), its reasons and figures; see ADR 0012. The window is the last 90 days unless named otherwise.";
        Field<NonNullGraphType<IntGraphType>>("score").Resolve(c => c.Source.HealthScore);
        Field<NonNullGraphType<StringGraphType>>("band").Resolve(c => c.Source.HealthBand);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HealthReasonType>>>>("reasons")
            .Description("The score's parts, most costly first; their points add up to the score from 100.")
            .WithComplexityImpact(1, 5)
            .Resolve(c => c.Source.HealthReasons);
        Field<NonNullGraphType<IntGraphType>>("requests").Resolve(c => c.Source.Requests);
        Field<NonNullGraphType<IntGraphType>>("complaints").Resolve(c => c.Source.Complaints);
        Field<NonNullGraphType<IntGraphType>>("complaintsLast30Days").Resolve(c => c.Source.ComplaintsLast30Days);
        Field<NonNullGraphType<FloatGraphType>>("complaintShare").Resolve(c => c.Source.ComplaintShare);
        Field<FloatGraphType>("medianHoursToFulfil").Resolve(c => c.Source.HasMedianHoursToFulfil ? c.Source.MedianHoursToFulfil : null);
        Field<NonNullGraphType<IntGraphType>>("fulfilled").Resolve(c => c.Source.Fulfilled);
        Field<NonNullGraphType<IntGraphType>>("slaBreaches").Resolve(c => c.Source.SlaBreaches);
        Field<NonNullGraphType<IntGraphType>>("slaAtRisk").Resolve(c => c.Source.SlaAtRisk);
        Field<NonNullGraphType<IntGraphType>>("satisfactionRatings").Resolve(c => c.Source.SatisfactionRatings);
        Field<FloatGraphType>("averageSatisfaction").Resolve(c => c.Source.HasAverageSatisfaction ? c.Source.AverageSatisfaction : null);
        Field<FloatGraphType>("satisfactionLast30Days").Resolve(c => c.Source.HasSatisfactionLast30Days ? c.Source.SatisfactionLast30Days : null);
        Field<FloatGraphType>("satisfactionPrevious30Days")
            .Resolve(c => c.Source.HasSatisfactionPrevious30Days ? c.Source.SatisfactionPrevious30Days : null);
        Field<FloatGraphType>("satisfactionTrend").Description("Last 30 days minus the 30 before; null unless both have ratings.")
            .Resolve(c => c.Source.HasSatisfactionTrend ? c.Source.SatisfactionTrend : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MonthlyRequestsType>>>>("requestsByMonth")
            .Description("Requests per type and calendar month (UTC), the last 12 months.")
            .Resolve(c => c.Source.RequestsByMonth);
    }
}
