using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClientRequests.Notifications.Domain;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace ClientRequests.Notifications.Webhooks;

public sealed record AttemptOutcome(bool Succeeded, int? StatusCode, string? Error, string? Response, TimeSpan Duration);
