using ClientRequests.Clients.Grpc;
using GraphQL;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed record ClientPage(IReadOnlyList<ClientEntry> Nodes, string NextCursor);

/// <summary>A page of clients. The clients service pages by keyset: <c>endCursor</c> is the cursor for <c>after</c>.</summary>
public sealed class ClientConnectionType : ObjectGraphType<ClientPage>
{
    public ClientConnectionType()
    {
        Name = "ClientConnection";
        // The page size already multiplied the cost at the connection's field.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientType>>>>("nodes").WithComplexityImpact(1, 1).Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageCursor(c.Source.NextCursor));
    }
}
