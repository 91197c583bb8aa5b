using System.Buffers.Text;
using System.Text;

namespace ClientRequests.ServiceDefaults.Paging;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
