using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

/// <summary>The fields of PATCH /api/requests/{id}, passed on as they are: the requests service validates them.</summary>
public sealed class EditRequestInputType : InputObjectGraphType
{
    public EditRequestInputType()
    {
        Name = "EditRequestInput";
        Field<NonNullGraphType<IntGraphType>>("version").Description("The request's version you read (Request.version).");
        Field<StringGraphType>("priority");
        Field<StringGraphType>("title");
        Field<StringGraphType>("description");
        Field<DateTimeOffsetGraphType>("wantedBy");
        Field<BooleanGraphType>("clearWantedBy");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("addDepartments");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("withdrawDepartments");
    }
}
