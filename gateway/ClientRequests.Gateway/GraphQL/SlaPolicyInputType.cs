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

public sealed class SlaCalendarInputType : InputObjectGraphType
{
    public SlaCalendarInputType()
    {
        Name = "SlaCalendarInput";
        Field<NonNullGraphType<StringGraphType>>("timeZone");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("days");
        Field<NonNullGraphType<StringGraphType>>("open");
        Field<NonNullGraphType<StringGraphType>>("close");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("holidays");
    }
}

public sealed class SlaTargetInputType : InputObjectGraphType
{
    public SlaTargetInputType()
    {
        Name = "SlaTargetInput";
        Field<NonNullGraphType<StringGraphType>>("type");
        Field<NonNullGraphType<StringGraphType>>("priority");
        Field<StringGraphType>("firstResponse");
        Field<NonNullGraphType<StringGraphType>>("resolution");
    }
}

public sealed class OlaTargetInputType : InputObjectGraphType
{
    public OlaTargetInputType()
    {
        Name = "OlaTargetInput";
        Field<NonNullGraphType<StringGraphType>>("priority");
        Field<NonNullGraphType<StringGraphType>>("resolution");
    }
}

public sealed class DepartmentOlaInputType : InputObjectGraphType
{
    public DepartmentOlaInputType()
    {
        Name = "DepartmentOlaInput";
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<SlaCalendarInputType>("calendar");
        Field<StringGraphType>("resolution");
        Field<ListGraphType<NonNullGraphType<OlaTargetInputType>>>("priorities");
    }
}
