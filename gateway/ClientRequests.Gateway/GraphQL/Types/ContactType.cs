using ClientRequests.Clients.Grpc;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class ContactType : ObjectGraphType<ContactEntry>
{
    public ContactType()
    {
        Name = "Contact";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("role").Resolve(c => Blank(c.Source.Role));
        Field<StringGraphType>("email").Resolve(c => Blank(c.Source.Email));
        Field<StringGraphType>("phone").Resolve(c => Blank(c.Source.Phone));
    }

    static string? Blank(string value) => value.Length == 0 ? null : value;
}
