using ClientRequests.Identity;
using ClientRequests.Identity.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Identity.Tests;

/// <summary>The key ring's rotation rules on a fake clock: a new key when due, the old one published until retired.</summary>
public sealed class SigningKeyRingTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), $"keyring-{Guid.NewGuid():N}");
    readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    static readonly SigningKeyOptions Options = new() { RotationPeriod = TimeSpan.FromDays(30), RetentionPeriod = TimeSpan.FromDays(2) };

    SigningKeyRing Ring() => new(folder, Options, clock, NullLogger<SigningKeyRing>.Instance);

    [Fact]
    public void A_new_ring_makes_one_key_and_a_second_ring_on_the_folder_reads_the_same_key()
    {
        var first = Ring();
        Assert.Single(first.Keys);
        Assert.Equal(first.Keys[0].Id, Ring().Keys[0].Id);
        Assert.Equal(first.EncryptionKey.Key, Ring().EncryptionKey.Key);
    }

    [Fact]
    public void A_due_key_is_replaced_the_old_one_stays_published_then_is_retired()
    {
        var ring = Ring();
        var original = ring.Keys[0].Id;
        using var changes = new CountingChanges(ring);

        clock.Advance(TimeSpan.FromDays(29));
        Assert.False(ring.RotateIfDue());

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(ring.RotateIfDue());
        Assert.Equal(2, ring.Keys.Count);
        Assert.NotEqual(original, ring.Keys[0].Id);
        Assert.Equal(original, ring.Keys[1].Id);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.False(ring.RotateIfDue());
        Assert.Equal(2, ring.Keys.Count);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(ring.RotateIfDue());
        Assert.Equal([ring.Keys[0].Id], Ring().Keys.Select(k => k.Id));
        Assert.DoesNotContain(original, ring.Keys.Select(k => k.Id));
        Assert.Equal(2, changes.Count);
    }

    sealed class CountingChanges : IDisposable
    {
        readonly SigningKeyRing ring;
        IDisposable registration;
        public int Count;

        public CountingChanges(SigningKeyRing ring)
        {
            this.ring = ring;
            registration = Listen();
        }

        IDisposable Listen() => ring.ChangeToken().RegisterChangeCallback(_ =>
        {
            Count++;
            registration = Listen();
        }, null);

        public void Dispose() => registration.Dispose();
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
