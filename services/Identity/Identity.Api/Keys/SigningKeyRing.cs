using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.Identity.Keys;

/// <summary>
/// The provider's keys, kept as files under the data folder so a restart keeps them (tokens it issued stay valid):
/// RSA signing keys as PKCS#8 PEM (<c>{kid}.pem</c>; the newest signs, the others stay published until retired) and the
/// key that encrypts authorization codes and refresh tokens. A site may drop its own PEM file in the folder.
/// </summary>
public sealed class SigningKeyRing
{
    public const string EncryptionKeyFile = "encryption.key";

    readonly string folder;
    readonly SigningKeyOptions options;
    readonly TimeProvider clock;
    readonly ILogger<SigningKeyRing> logger;
    readonly Lock gate = new();
    CancellationTokenSource changed = new();

    public SigningKeyRing(string folder, SigningKeyOptions options, TimeProvider clock, ILogger<SigningKeyRing> logger)
    {
        this.folder = folder;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        Directory.CreateDirectory(folder);
        EncryptionKey = LoadOrCreateEncryptionKey();
        Keys = Load();
        if (Keys.Count == 0) Rotate();
    }

    /// <summary>Newest first: the first one signs.</summary>
    public IReadOnlyList<SigningKey> Keys { get; private set; }

    public SymmetricSecurityKey EncryptionKey { get; }

    /// <summary>Fires when the keys change, so OpenIddict's options are built again with the new set.</summary>
    public IChangeToken ChangeToken() => new CancellationChangeToken(changed.Token);

    /// <summary>Makes a new signing key when the newest is due and retires keys replaced longer ago than the retention period.</summary>
    public bool RotateIfDue()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var changedAny = false;
            if (Keys.Count == 0 || now - Keys[0].Created >= options.RotationPeriod)
            {
                Rotate();
                changedAny = true;
            }
            // A key is retired once its successor has been signing for the retention period.
            for (var i = 1; i < Keys.Count; i++)
            {
                if (now - Keys[i - 1].Created < options.RetentionPeriod) continue;
                foreach (var old in Keys.Skip(i))
                {
                    logger.LogInformation("Signing key {KeyId} retired: its successor has signed for {Retention}.", old.Id, options.RetentionPeriod);
                    File.Delete(Path.Combine(folder, old.Id + ".pem"));
                }
                Keys = [.. Keys.Take(i)];
                changedAny = true;
                break;
            }
            if (changedAny) Signal();
            return changedAny;
        }
    }

    void Rotate()
    {
        var created = clock.GetUtcNow();
        var id = $"key-{created:yyyyMMddTHHmmssfff}";
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(folder, id + ".pem");
        File.WriteAllText(path + ".tmp", rsa.ExportPkcs8PrivateKeyPem());
        File.Move(path + ".tmp", path, overwrite: true);
        File.SetLastWriteTimeUtc(path, created.UtcDateTime);
        logger.LogInformation("Signing key {KeyId} created; it signs from now on.", id);
        Keys = [Read(path), .. Keys];
    }

    List<SigningKey> Load() =>
        [.. Directory.EnumerateFiles(folder, "*.pem").Select(Read).OrderByDescending(k => k.Created).ThenByDescending(k => k.Id, StringComparer.Ordinal)];

    static SigningKey Read(string path)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var id = Path.GetFileNameWithoutExtension(path);
        return new SigningKey(id, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), new RsaSecurityKey(rsa) { KeyId = id });
    }

    SymmetricSecurityKey LoadOrCreateEncryptionKey()
    {
        var path = Path.Combine(folder, EncryptionKeyFile);
        if (!File.Exists(path))
        {
            File.WriteAllText(path + ".tmp", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.Move(path + ".tmp", path, overwrite: true);
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    void Signal()
    {
        var previous = changed;
        changed = new CancellationTokenSource();
        previous.Cancel();
        previous.Dispose();
    }
}
