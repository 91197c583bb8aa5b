using ClientRequests.Requests.Domain;

namespace Requests.Tests;

public sealed class NewRequestValidationTests
{
    static readonly string[] Types = ["need", "billing"];
    static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    static NewRequest Valid() => new(Guid.NewGuid(), "billing", "P2", "Title", "Description", ["vip"], Now.AddDays(3), "EXT-1", ["billing"]);

    [Fact]
    public void A_complete_request_is_valid() => Assert.Empty(Valid().Validate(Types, Now));

    [Fact]
    public void Every_missing_field_is_named()
    {
        var errors = new NewRequest(null, null, null, null, null, null, null, null, null).Validate(Types, Now);
        Assert.Equal(["clientId", "description", "priority", "title", "type"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("type", "unknown-type")]
    [InlineData("priority", "P5")]
    [InlineData("priority", "p1")]
    public void Unknown_enum_values_are_named(string field, string value)
    {
        var request = field == "type" ? Valid() with { Type = value } : Valid() with { Priority = value };
        Assert.True(request.Validate(Types, Now).ContainsKey(field));
    }

    [Fact]
    public void Text_over_the_limits_is_named()
    {
        var request = Valid() with
        {
            Title = new string('t', NewRequest.TitleMax + 1),
            Description = new string('d', NewRequest.DescriptionMax + 1),
            Tags = Enumerable.Range(0, NewRequest.TagsMax + 1).Select(i => $"tag{i}").ToList(),
        };
        var errors = request.Validate(Types, Now);
        Assert.True(errors.ContainsKey("title"));
        Assert.True(errors.ContainsKey("description"));
        Assert.True(errors.ContainsKey("tags"));
    }

    [Fact]
    public void A_due_date_in_the_past_is_named() =>
        Assert.True((Valid() with { WantedBy = Now.AddMinutes(-1) }).Validate(Types, Now).ContainsKey("wantedBy"));
}
