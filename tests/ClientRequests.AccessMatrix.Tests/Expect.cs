namespace ClientRequests.AccessMatrix.Tests;

/// <summary>What one cell of the matrix expects.</summary>
public abstract record Expect
{
    /// <summary>The caller gets past the access rules: a success, or a refusal about the input or the state (400, 409, 422).</summary>
    public static readonly Expect Allowed = new AllowedOutcome();
    public static readonly Expect Unauthorized = new StatusOutcome(401);
    public static readonly Expect Forbidden = new StatusOutcome(403);
    /// <summary>Another team's client or request: answered as if it did not exist.</summary>
    public static readonly Expect NotFound = new StatusOutcome(404);

    /// <summary>Answered 200, with a body that says the item was refused (a bulk import reports each line).</summary>
    public static Expect OkSaying(string text) => new OkSayingOutcome(text);

    public abstract bool IsDenial { get; }
    public abstract bool Matches(int status, string? problemTitle, string body);

    /// <summary>A work item step the domain refuses (not the holder, not a member) is a 403 about the item, not about access.</summary>
    public const string DomainRefusalTitle = "Not allowed on this work item.";

    sealed record AllowedOutcome : Expect
    {
        public override bool IsDenial => false;
        public override bool Matches(int status, string? problemTitle, string body) =>
            status is 200 or 201 or 202 or 204 or 400 or 409 or 422 || (status == 403 && problemTitle == DomainRefusalTitle);
        public override string ToString() => "allowed";
    }

    sealed record StatusOutcome(int Status) : Expect
    {
        public override bool IsDenial => true;
        public override bool Matches(int status, string? problemTitle, string body) => status == Status;
        public override string ToString() => Status.ToString();
    }

    sealed record OkSayingOutcome(string Text) : Expect
    {
        public override bool IsDenial => true;
        public override bool Matches(int status, string? problemTitle, string body) => status == 200 && body.Contains(Text, StringComparison.Ordinal);
        public override string ToString() => $"200 saying '{Text}'";
    }
}

/// <summary>One expectation per role, in the order manager, executive, agent, lead, analyst, admin.</summary>
public sealed class ByRole(Expect manager, Expect executive, Expect agent, Expect lead, Expect analyst, Expect admin)
{
    public Expect this[Role role] => role switch
    {
        Role.Manager => manager,
        Role.Executive => executive,
        Role.Agent => agent,
        Role.Lead => lead,
        Role.Analyst => analyst,
        Role.Admin => admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Everyone signed in gets past the rules.</summary>
    public static readonly ByRole Everyone = new(Expect.Allowed, Expect.Allowed, Expect.Allowed, Expect.Allowed, Expect.Allowed, Expect.Allowed);

    /// <summary>Admins only; the policy refuses the others.</summary>
    public static readonly ByRole AdminOnly = new(Expect.Forbidden, Expect.Forbidden, Expect.Forbidden, Expect.Forbidden, Expect.Forbidden, Expect.Allowed);
}
