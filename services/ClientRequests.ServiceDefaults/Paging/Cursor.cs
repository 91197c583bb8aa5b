using System.Buffers.Text;
using System.Text;

namespace ClientRequests.ServiceDefaults.Paging;

/// <summary>
/// An opaque keyset cursor: the (time, id) of the last row of a page. Lists continue after it, so pages stay
/// stable while rows are added and cost the same however deep the caller goes.
/// </summary>
public readonly record struct Cursor(DateTimeOffset At, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{At.UtcTicks}:{Id:N}"));

    public static bool TryDecode(string? text, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new Cursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException) { }
        return false;
    }
}
