using ClientRequests.Requests.Grpc;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>A timeline event with the request it happened to, for a client's recent activity.</summary>
public sealed class ClientEventType : ObjectGraphType<ClientEvent>
{
    public ClientEventType()
    {
        Name = "ClientEvent";
        Field<NonNullGraphType<IdGraphType>>("requestId").Resolve(c => c.Source.RequestId);
        Field<NonNullGraphType<StringGraphType>>("requestTitle").Resolve(c => c.Source.RequestTitle);
        Field<NonNullGraphType<TimelineEntryType>>("event").Resolve(c => c.Source.Entry);
    }
}
