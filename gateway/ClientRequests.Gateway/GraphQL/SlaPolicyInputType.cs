using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

/// <summary>The body of PUT /api/sla/policy, passed on as it is: the requests service validates it and names the field it refuses.</summary>
public sealed class SlaPolicyInputType : InputObjectGraphType
{
    public SlaPolicyInputType()
    {
        Name = "SlaPolicyInput";
        Field<NonNullGraphType<IntGraphType>>("version").Description("The policy's version you read (SlaPolicy.version).");
        Field<NonNullGraphType<FloatGraphType>>("atRiskFraction");
        Field<NonNullGraphType<SlaCalendarInputType>>("calendar");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlaTargetInputType>>>>("targets");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OlaTargetInputType>>>>("ola");
        Field<ListGraphType<NonNullGraphType<DepartmentOlaInputType>>>("departments");
    }
}
