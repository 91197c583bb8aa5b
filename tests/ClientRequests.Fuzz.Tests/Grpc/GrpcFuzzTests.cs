using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.Notifications.Grpc;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using global::Grpc.Core;
using global::Grpc.Net.Client;
using Google.Protobuf.Reflection;

namespace ClientRequests.Fuzz.Tests.Grpc;

/// <summary>Every method of every gRPC service in contracts/protos, called with malformed messages on the service that serves it.</summary>
[Collection(OnePlatform.Name)]
public sealed class GrpcFuzzTests(FuzzPlatform fixture, ITestOutputHelper output)
{
    /// <summary>The answers a caller can act on. Internal, Unknown, Unavailable and DataLoss mean the server broke.</summary>
    static readonly StatusCode[] Acceptable =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.PermissionDenied, StatusCode.Unauthenticated,
        StatusCode.ResourceExhausted, StatusCode.FailedPrecondition, StatusCode.OutOfRange, StatusCode.AlreadyExists,
    ];

    /// <summary>The service that serves each .proto (its file name).</summary>
    static readonly FileDescriptor[] Contracts = [ClientsReflection.Descriptor, DepartmentsReflection.Descriptor, RequestsReflection.Descriptor, NotificationsReflection.Descriptor];

    static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    [Fact]
    public async Task Malformed_messages_to_every_gRPC_method_get_a_status_the_caller_can_act_on()
    {
        var failures = new List<string>();
        var cases = 0;
        var methods = 0;
        var statuses = new Dictionary<StatusCode, int>();
        var headers = new Metadata { { "Authorization", $"Bearer {Tokens.For(DemoUsers.Grace)}" } };
        foreach (var file in Contracts)
        {
            var service = Path.GetFileNameWithoutExtension(file.Name);
            using var channel = GrpcChannel.ForAddress(fixture.Platform.GrpcAddresses[service],
                new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
            var invoker = channel.CreateCallInvoker();
            foreach (var method in file.Services.SelectMany(s => s.Methods).Where(m => !m.IsClientStreaming && !m.IsServerStreaming))
            {
                methods++;
                var rpc = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Raw, Raw);
                for (var n = 0; n < FuzzSettings.GrpcCasesPerMethod; n++, cases++)
                {
                    var (bytes, kind, description) = ProtoFuzzer.Generate(method.InputType, n, FuzzSettings.RandomFor(method.FullName, n));
                    var status = await CallAsync(invoker, rpc, bytes, headers);
                    statuses[status.StatusCode] = statuses.GetValueOrDefault(status.StatusCode) + 1;
                    if (!Acceptable.Contains(status.StatusCode))
                        failures.Add($"{service} {method.FullName} #{n} {kind} ({description}, {bytes.Length} bytes) → {status.StatusCode}: {status.Detail}");
                }
            }
        }

        output.WriteLine($"grpc: {methods} methods, {cases} cases, statuses " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} malformed gRPC calls were answered with a server failure (seed {FuzzSettings.Seed}):\n" +
            string.Join("\n", failures.Take(25)) + "\n\n" + fixture.Logs());
        // Unimplemented is not acceptable either, so a method a contract declares but no service serves fails above.
        Assert.True(methods >= 15, $"only {methods} gRPC methods found in the contracts");
        await fixture.AssertHealthyAsync();
    }

    static async Task<Status> CallAsync(CallInvoker invoker, Method<byte[], byte[]> rpc, byte[] request, Metadata headers)
    {
        try
        {
            using var call = invoker.AsyncUnaryCall(rpc, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), request);
            await call.ResponseAsync;
            return Status.DefaultSuccess;
        }
        catch (RpcException e) { return e.Status; }
    }
}
