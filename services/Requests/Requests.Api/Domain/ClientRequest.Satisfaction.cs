namespace ClientRequests.Requests.Domain;

public sealed partial class ClientRequest
{
    public const int CommentMax = 2000;

    /// <summary>The client's score of a fulfilled request, once: a second score would make the analytics count it twice.</summary>
    public TransitionRefused? RecordSatisfaction(int score, string? comment, string actorId, DateTimeOffset at)
    {
        if (score is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(score), score, "A score is 1 to 5.");
        if (Status != RequestStatus.Fulfilled) return new(Status, "scored (only a fulfilled request is)");
        if (SatisfactionScore is not null) return new(Status, "scored again (it has a score)");
        SatisfactionScore = score;
        Version++;
        Record(TimelineKinds.Satisfaction, actorId, at, string.IsNullOrWhiteSpace(comment) ? $"Score {score}." : $"Score {score}: {comment}");
        return null;
    }

    public TimelineEntry Comment(string text, Visibility visibility, string actorId, DateTimeOffset at) =>
        Record(TimelineKinds.Comment, actorId, at, text, visibility: visibility);
}
