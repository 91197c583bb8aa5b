using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDefaults.Settings;

/// <summary>
/// The one way a service reads a settings section (issue 21): bound as options and validated when the host starts,
/// so a malformed value stops the service with one line instead of failing its first use; injectable as
/// <c>IOptions&lt;T&gt;</c> or as <typeparamref name="T"/> itself; and returned, for the composition decisions that
/// need a value before the container exists (which handlers to add, a limiter's size).
/// </summary>
public static class SettingsExtensions
{
    /// <param name="complete">Defaults that depend on the environment, applied to the returned value and the bound one alike.</param>
    public static T AddSettings<T>(this IHostApplicationBuilder builder, string section, Action<T>? complete = null) where T : class, new()
    {
        var options = builder.Services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        if (complete is not null) options.PostConfigure(complete);
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        var value = builder.Configuration.GetSection(section).Get<T>() ?? new T();
        complete?.Invoke(value);
        return value;
    }
}
