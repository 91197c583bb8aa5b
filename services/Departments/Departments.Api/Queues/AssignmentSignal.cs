using System.Threading.Channels;

namespace ClientRequests.Departments.Queues;

/// <summary>Tells the assigner that a load-aware department has a new item or freed capacity.</summary>
public sealed class AssignmentSignal
{
    readonly Channel<string> departments = Channel.CreateUnbounded<string>();

    public void Notify(string departmentCode) => departments.Writer.TryWrite(departmentCode);

    internal ChannelReader<string> Reader => departments.Reader;
}
