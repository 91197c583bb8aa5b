namespace ClientRequests.Requests.Apis;

/// <summary>The request's version as an HTTP entity tag: <c>"3"</c> (a weak <c>W/"3"</c> is accepted too).</summary>
public static class RequestVersion
{
    public static string ETag(int version) => $"\"{version}\"";

    public static int? Parse(string value)
    {
        var tag = value.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
        tag = tag.Trim('"');
        return int.TryParse(tag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
