using ClientRequests.Clients.Grpc;
using Google.Protobuf;
using Grpc.Core;

namespace Clients.Tests;

/// <summary>
/// A caller of ClientDirectory built on the server's message types: the service compiles the proto as server only,
/// and a second compilation (as client) in this assembly would clash with those types.
/// </summary>
public sealed class DirectoryClient(CallInvoker invoker)
{
    const string Service = "clientrequests.clients.v1.ClientDirectory";

    static readonly Method<GetClientsRequest, GetClientsReply> GetClientsMethod = Unary(GetClientsRequest.Parser, GetClientsReply.Parser, "GetClients");
    static readonly Method<CheckAccessRequest, CheckAccessReply> CheckAccessMethod = Unary(CheckAccessRequest.Parser, CheckAccessReply.Parser, "CheckAccess");

    static readonly Method<ListAccountTeamsRequest, ListAccountTeamsReply> ListAccountTeamsMethod =
        Unary(ListAccountTeamsRequest.Parser, ListAccountTeamsReply.Parser, "ListAccountTeams");

    static readonly Method<GetContactsRequest, GetContactsReply> GetContactsMethod = Unary(GetContactsRequest.Parser, GetContactsReply.Parser, "GetContacts");
    static readonly Method<GetPeopleRequest, GetPeopleReply> GetPeopleMethod = Unary(GetPeopleRequest.Parser, GetPeopleReply.Parser, "GetPeople");

    public async Task<GetContactsReply> GetContactsAsync(GetContactsRequest request) =>
        await invoker.AsyncUnaryCall(GetContactsMethod, null, new CallOptions(), request);

    public async Task<GetPeopleReply> GetPeopleAsync(GetPeopleRequest request) =>
        await invoker.AsyncUnaryCall(GetPeopleMethod, null, new CallOptions(), request);

    public async Task<ListAccountTeamsReply> ListAccountTeamsAsync(ListAccountTeamsRequest request) =>
        await invoker.AsyncUnaryCall(ListAccountTeamsMethod, null, new CallOptions(), request);

    public async Task<GetClientsReply> GetClientsAsync(GetClientsRequest request) =>
        await invoker.AsyncUnaryCall(GetClientsMethod, null, new CallOptions(), request);

    public async Task<CheckAccessReply> CheckAccessAsync(CheckAccessRequest request) =>
        await invoker.AsyncUnaryCall(CheckAccessMethod, null, new CallOptions(), request);

    static Method<TRequest, TReply> Unary<TRequest, TReply>(MessageParser<TRequest> request, MessageParser<TReply> reply, string name)
        where TRequest : class, IMessage<TRequest> where TReply : class, IMessage<TReply> =>
        new(MethodType.Unary, Service, name,
            Marshallers.Create(m => m.ToByteArray(), request.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), reply.ParseFrom));
}
