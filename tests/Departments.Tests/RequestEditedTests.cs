using ClientRequests.Contracts.Requests;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Departments.Tests;

/// <summary>An edit of the request reaches the department's open item; an older edit that arrives late changes nothing.</summary>
public sealed class RequestEditedTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    [Fact]
    public async Task The_newest_edit_gives_the_item_its_title_description_and_priority()
    {
        var id = await App.QueueWorkItemAsync("legal");
        var requestId = await App.QueryAsync(db => Task.FromResult(db.WorkItems.Single(i => i.Id == id).RequestId));
        Task PublishAsync(int version, string title) => App.Services.GetRequiredService<IBus>().Publish(new RequestEdited
        {
            RequestId = requestId, ClientId = Guid.NewGuid(), Version = version, Priority = "P1", Title = title, Description = $"Now {title}",
            Tags = [], WantedBy = null, Changed = ["title", "priority"], EditedBy = "alice", EditedAt = DateTimeOffset.UtcNow,
        });
        await PublishAsync(5, "Newest title");
        await Eventually.TrueAsync(() => App.QueryAsync(db => Task.FromResult(db.WorkItems.Single(i => i.Id == id).RequestVersion == 5)), "edit 5 applied");
        await PublishAsync(4, "Older title");
        await PublishAsync(6, "Newest title");
        await Eventually.TrueAsync(() => App.QueryAsync(db => Task.FromResult(db.WorkItems.Single(i => i.Id == id).RequestVersion == 6)), "edit 6 applied");
        var item = await App.QueryAsync(db => Task.FromResult(db.WorkItems.Single(i => i.Id == id)));
        Assert.Equal(("Newest title", "Now Newest title", "P1"), (item.Title, item.Description, item.Priority));
    }
}
